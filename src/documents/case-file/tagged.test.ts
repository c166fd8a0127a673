import { beforeAll, describe, expect, it } from 'vitest';
import { type PdfTagging, pdfinfo, readTagging } from '../../../test/support/pdf.ts';
import { buildCaseFile } from './index.ts';
import { caseFileInput } from './test-support.ts';

describe('the case file as a tagged PDF', () => {
  let pdf: Buffer;
  let tags: PdfTagging;
  beforeAll(async () => {
    pdf = (await buildCaseFile(caseFileInput())).pdf;
    tags = await readTagging(pdf);
  });

  it('says it is tagged, in British English, titled', () => {
    expect(tags.marked).toBe(true);
    expect(tags.structured).toBe(true);
    expect(tags.lang).toBe('en-GB');
    expect(tags.displayDocTitle).toBe(true);
    expect(tags.title).toBe('Complaint case file MISO-26-000001-A');
    expect(tags.xmpTitle).toBe('Complaint case file MISO-26-000001-A');
    const info = pdfinfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
  });

  it('has its headings in reading order, each section a Sect under its H2', () => {
    const headings = tags.elements
      .filter((element) => /^H\d$/.test(element.role))
      .map((element) => [element.path, element.text]);
    expect(headings).toEqual([
      ['Document/H1', 'Complaint case file MISO-26-000001-A'],
      ['Document/H2', 'Customer'],
      ['Document/H2', 'Complaint'],
      ['Document/Sect/H2', 'Summary of events'],
      ['Document/Sect/H2', 'Our position and offers'],
      ['Document/Sect/H3', 'Resolution Attempt 1'],
      ['Document/Sect/H3', 'Resolution Attempt 2'],
      ['Document/Sect/H3', 'Resolution Attempt 3'],
      ['Document/Sect/H3', 'Final position'],
      ['Document/Sect/H3', 'ADR letters'],
      ['Document/Sect/H2', 'Attempts'],
      ['Document/Sect/H3', 'Resolution Attempt 1'],
      ['Document/Sect/H3', 'Resolution Attempt 2'],
      ['Document/Sect/H3', 'Resolution Attempt 3'],
      ['Document/Sect/H2', 'Contact log'],
      ['Document/Sect/H2', 'Internal notes'],
      ['Document/Sect/H2', 'Letters'],
      ['Document/Sect/H2', 'Attachments'],
      ['Document/Sect/H2', 'Referral'],
    ]);
  });

  it('reads the cover as paragraphs after its title, and each log entry as a group of paragraphs', () => {
    const texts = tags.elements.filter((element) => element.text !== '');
    expect(texts.slice(0, 4).map((element) => [element.path, element.text])).toEqual([
      ['Document/H1', 'Complaint case file MISO-26-000001-A'],
      ['Document/P', 'Miso Communications Limited, for Communications Ombudsman'],
      ['Document/P', 'Complaint Reference Number: MISO-26-000001-A'],
      ['Document/P', 'Provider: Miso Communications Limited (trading as Miso Communications)'],
    ]);
    const summary = texts.findIndex((element) => element.text === 'Summary of events');
    expect(texts[summary + 1]?.path).toBe('Document/Sect/P');
    expect(texts[summary + 2]?.path).toBe('Document/Sect/Div/P');
  });

  it('tags every piece of text; only the page footers are artifacts', () => {
    expect(tags.untagged).toEqual([]);
    const pages = Number(pdfinfo(pdf).Pages);
    expect(tags.artifacts).toEqual(
      Array.from({ length: pages }, (_, i) => `MISO-26-000001-A · Page ${i + 1} of ${pages}`),
    );
  });
});
