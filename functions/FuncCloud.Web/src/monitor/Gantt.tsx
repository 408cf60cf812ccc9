import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import dayjs from 'dayjs';
import type { Step } from './types';

const COLORS: Record<string, string> = { completed: '#52c41a', failed: '#ff4d4f', running: '#1677ff', fired: '#faad14', cancelled: '#bfbfbf' };

/** The steps as a Gantt chart: a transparent bar up to each step's start, then its duration, coloured by status. */
export function Gantt({ steps, origin, now }: { steps: Step[]; origin: string; now: number }) {
  const start = dayjs(origin).valueOf();
  const rows = steps.map((s, i) => {
    const from = Math.max(0, dayjs(s.start).valueOf() - start);
    const to = (s.end ? dayjs(s.end).valueOf() : now) - start;
    return {
      key: i,
      label: `${s.kind === 'activity' || s.name.startsWith(s.kind) ? '' : s.kind + ': '}${s.name}${s.attempt && s.attempt > 1 ? ` #${s.attempt}` : ''}`,
      offset: from / 1000,
      length: Math.max((to - from) / 1000, 0.02),
      step: s,
    };
  });
  const height = Math.max(120, rows.length * 30 + 50);
  return (
    <div style={{ width: '100%', height }} role="img" aria-label={`Timeline of ${rows.length} steps`}>
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" barCategoryGap={6} margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" unit=" s" fontSize={12} />
          <YAxis type="category" dataKey="label" width={220} fontSize={12} interval={0} />
          <Tooltip
            cursor={{ fill: 'rgba(0,0,0,0.04)' }}
            content={({ active, payload }) => {
              if (!active || !payload?.length) return null;
              const row = payload[0].payload as (typeof rows)[number];
              const s = row.step;
              return (
                <div style={{ background: '#fff', border: '1px solid #d9d9d9', padding: 8, maxWidth: 360 }}>
                  <b>{s.name}</b> · {s.status}
                  <div>starts +{row.offset.toFixed(2)} s, lasts {row.length.toFixed(2)} s</div>
                  {s.node && <div>node {s.node}</div>}
                  {s.detail && <div style={{ whiteSpace: 'pre-wrap' }}>{s.detail}</div>}
                </div>
              );
            }}
          />
          <Bar dataKey="offset" stackId="t" fill="transparent" isAnimationActive={false} />
          <Bar dataKey="length" stackId="t" isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.key} fill={COLORS[r.step.status] ?? '#8c8c8c'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
