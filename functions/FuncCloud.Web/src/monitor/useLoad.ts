import { useCallback, useEffect, useRef, useState } from 'react';

/** Loads data, keeps the last good value while reloading, reloads every refreshSeconds when given. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], refreshSeconds?: number) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loadRef.current());
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
    if (!refreshSeconds) return undefined;
    const timer = window.setInterval(() => void reload(), refreshSeconds * 1000);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, refreshSeconds]);
  return { data, error, loading, reload };
}
