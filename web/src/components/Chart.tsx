import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { isEmptyChart, type ChartData } from "../lib/charts";

/** Series colours, in order: the brand's green, then colours told apart from it by most eyes. */
const COLOURS = ["#1f6f50", "#2b7fff", "#c2410c"];

// A fixed size keeps the drawing the same in every browser and in tests;
// a narrow screen scrolls it sideways.
const WIDTH = 640;
const HEIGHT = 240;

interface ChartProps extends ChartData {
  /** The figure's caption, which also names it for assistive tech. */
  title: string;
  kind: "bar" | "line";
  /** Said instead of the chart when there is nothing to draw. */
  empty: string;
  /** Bars of several series on top of each other (parts of one whole). */
  stacked?: boolean;
}

/**
 * A chart with its caption, or a sentence when there is nothing to draw. The
 * drawing is for the eyes; assistive tech reads the same figures from a table.
 */
export function Chart({ title, kind, axis, points, series, empty, stacked = false }: ChartProps) {
  const titleId = useId();
  if (isEmptyChart({ axis, points, series })) {
    return (
      <figure className="chart" aria-labelledby={titleId}>
        <figcaption id={titleId}>{title}</figcaption>
        <p className="muted chart__empty">{empty}</p>
      </figure>
    );
  }
  const rows = points.map((point) => ({ label: point.label, ...point.values }));
  const formatOf = (key: unknown) => series.find((s) => s.key === key)?.format ?? String;
  const common = { width: WIDTH, height: HEIGHT, data: rows, accessibilityLayer: false, margin: { top: 8, right: 16, bottom: 8, left: 8 } };
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" vertical={false} />,
    <XAxis key="x" dataKey="label" tick={{ fontSize: 12 }} />,
    <YAxis key="y" width={88} allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={(value: number) => series[0].format(value)} />,
    <Tooltip key="tooltip" formatter={(value, _name, item) => formatOf(item.dataKey)(Number(value))} />,
    series.length > 1 ? <Legend key="legend" /> : null,
  ];
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      <div className="chart__plot" aria-hidden="true">
        {kind === "bar" ? (
          <BarChart {...common}>
            {axes}
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={COLOURS[i % COLOURS.length]} stackId={stacked ? "stack" : undefined} isAnimationActive={false} />
            ))}
          </BarChart>
        ) : (
          <LineChart {...common}>
            {axes}
            {series.map((s, i) => (
              <Line key={s.key} dataKey={s.key} name={s.name} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} dot={false} type="monotone" isAnimationActive={false} />
            ))}
          </LineChart>
        )}
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{axis}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.label}>
              <th scope="row">{point.label}</th>
              {series.map((s) => (
                <td key={s.key}>{s.format(point.values[s.key] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
