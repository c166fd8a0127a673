/** A page's heading and its document title ("Log a call · Redress"), which screen readers announce. */
import { Title, type TitleProps } from '@mantine/core';
import { useEffect } from 'react';

export function usePageTitle(title: string, site = 'Redress') {
  useEffect(() => {
    document.title = `${title} · ${site}`;
  }, [title, site]);
}

export function PageHeading({ title, site, ...props }: { title: string; site?: string } & TitleProps) {
  usePageTitle(title, site);
  return (
    <Title order={1} size="h2" {...props}>
      {title}
    </Title>
  );
}
