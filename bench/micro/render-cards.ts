/**
 * Micro-benchmark of Teams card rendering (bench/findings.md item 6): µs per render of the hot
 * views, split into template data, expansion by `adaptivecards-templating` (`Template.expand` +
 * tidy, the old path, kept here as the reference) and by the compiled template, plus the whole
 * `renderAdaptiveCard`. Uses the unit-test fixtures. Run: `npx tsx bench/micro/render-cards.ts`.
 */
import { performance } from 'node:perf_hooks';
import * as ACData from 'adaptivecards-templating';
import { compileTemplate, tidy } from '../../cards/adaptive/compile-template.js';
import { renderAdaptiveCard } from '../../cards/adaptive/render-adaptive-card.js';
import { templateData } from '../../cards/adaptive/template-data.js';
import { templateFor } from '../../cards/adaptive/templates.js';
import type { ViewModel } from '../../dialogs/views/view-model.js';
import * as fx from '../../test/unit/cards/adaptive/view-fixtures.js';

const OPTIONS = { now: '2026-11-21T14:30:00Z' };
const CASES: [string, ViewModel][] = [
  ['question step', fx.questionStep],
  ['question step (other kinds)', fx.questionStepOtherKinds],
  ['review', fx.review],
  ['outcome', fx.outcome],
  ['approval request', fx.approvalRequest],
  ['question step (245 countries)', fx.largeQuestionStep],
];

/**
 * Median CPU µs per call over 5 samples of at least `sampleMs` each. CPU time (user + system)
 * rather than wall time, so other processes on a shared machine disturb the figures less.
 */
function micros(fn: () => unknown, sampleMs = 150): number {
  const sample = (): number => {
    let runs = 0;
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    while (performance.now() - wallStart < sampleMs) {
      for (let i = 0; i < 50; i++) fn();
      runs += 50;
    }
    const cpu = process.cpuUsage(cpuStart);
    return (cpu.user + cpu.system) / runs;
  };
  sample(); // warm-up: JIT and caches
  const samples = [sample(), sample(), sample(), sample(), sample()].sort((a, b) => a - b);
  return samples[2] as number;
}

const columns = ['view', 'data', 'library expand', 'compiled expand', 'renderAdaptiveCard'];
console.log(
  `${columns[0]?.padEnd(32)}${columns
    .slice(1)
    .map((c) => c.padStart(20))
    .join('')}   (CPU µs per call)`,
);
for (const [name, view] of CASES) {
  const template = templateFor(view.kind);
  const library = new ACData.Template(template);
  const compiled = compileTemplate(template);
  if (compiled === undefined) throw new Error(`${view.kind} did not compile`);
  const data = templateData(view, OPTIONS);
  const expected = JSON.stringify(tidy(library.expand({ $root: data })));
  if (JSON.stringify(compiled(data)) !== expected) throw new Error(`${name}: compiled output differs`);
  const figures = [
    micros(() => templateData(view, OPTIONS)),
    micros(() => tidy(library.expand({ $root: data }))),
    micros(() => compiled(data)),
    micros(() => renderAdaptiveCard(view, OPTIONS)),
  ];
  console.log(`${name.padEnd(32)}${figures.map((f) => f.toFixed(1).padStart(20)).join('')}`);
}
