import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * What the command palette asks of a list through its URL: `?open=<id>` opens a record, `?new=1`
 * the create form. Each request is taken once and removed, so the same one can come again.
 */
export function useUrlRequest(handlers: { open(id: string): void; create?(): void }): void {
  const [params, setParams] = useSearchParams();
  const open = params.get('open');
  const create = params.get('new');
  useEffect(() => {
    if (!open && !create) return;
    if (open) handlers.open(open);
    if (create) handlers.create?.();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('open');
        next.delete('new');
        return next;
      },
      { replace: true },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a request is acted on when it arrives, not when the handlers change
  }, [open, create]);
}
