/**
 * Sizes and places on the page. A letter is folded in three into a windowed DL envelope, so the customer's
 * address sits where the window is (20 mm from the left, 45–80 mm from the top, 90 × 35 mm); the company's
 * details run down the right, beside it. Large print (RNIB clear print: 16 pt at least) makes every piece
 * of text 16 pt or more, headings larger, with more space between lines.
 */
import { A4, mm } from '../pdf/document.ts';

export interface LetterStyle {
  body: number;
  lineGap: number;
  paragraphGap: number;
  title: number;
  heading: number;
  tradingName: number;
  /** The company's details beside the address, and the footer. */
  small: number;
}

export const STANDARD: LetterStyle = {
  body: 11,
  lineGap: 2,
  paragraphGap: 8,
  title: 14,
  heading: 12,
  tradingName: 20,
  small: 9,
};

export const LARGE_PRINT: LetterStyle = {
  body: 16,
  lineGap: 6,
  paragraphGap: 14,
  title: 22,
  heading: 19,
  tradingName: 26,
  small: 16,
};

export const PAGE = {
  left: mm(24),
  right: A4.width - mm(22),
  /** Where text starts on every page after the first. */
  top: mm(20),
  /** Body text stops here; the footer sits below. */
  bottom: A4.height - mm(28),
  footerTop: A4.height - mm(18),
  letterheadTop: mm(12),
  /** The company's details column, beside the envelope window and clear of it. */
  details: { left: mm(114), right: A4.width - mm(14) },
  /** The address, inside the DL window with a little room on each side. */
  address: { left: mm(24), top: mm(47), width: mm(84), height: mm(32) },
  /** The letter's text starts no higher than this on page 1, clear of the window and the first fold. */
  bodyTop: mm(88),
} as const;

export const WIDTH = PAGE.right - PAGE.left;
