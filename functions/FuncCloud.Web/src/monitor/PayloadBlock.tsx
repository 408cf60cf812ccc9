import { useState } from 'react';
import { Button, Typography } from 'antd';
import { useApi } from '../shell/api';
import type { Payload } from './types';

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A payload, pretty-printed; a cut one loads whole on demand. */
export function PayloadBlock({ payload }: { payload?: Payload }) {
  const api = useApi();
  const [whole, setWhole] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!payload) return <Typography.Text type="secondary">none</Typography.Text>;
  const text = whole ?? payload.text ?? '';
  return (
    <div>
      <pre style={{ background: '#fafafa', border: '1px solid #f0f0f0', padding: 8, maxHeight: 320, overflow: 'auto', fontSize: 12, margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {whole ? pretty(text) : payload.truncated ? text + ' …' : pretty(text)}
      </pre>
      {payload.truncated && !whole && payload.href && (
        <Button
          size="small"
          type="link"
          onClick={async () => {
            try {
              setWhole((await api<{ text?: string }>(payload.href!)).text ?? '');
            } catch (e) {
              setError((e as Error).message);
            }
          }}
        >
          Show all {payload.length.toLocaleString()} characters
        </Button>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </div>
  );
}
