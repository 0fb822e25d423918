// The main-thread time of one save, from a DevTools Protocol trace.
//
// The app saves 400 ms after the last change (a `setTimeout`). The trace
// (Tracing, category devtools.timeline) names that timer when it is set
// (TimerInstall, with its timeout) and when it fires (TimerFire). The save
// runs from that task until the IndexedDB transaction is complete: the app
// then notes the save as kept and tells the site's other tabs on a
// BroadcastChannel, which the benchmark listens to in the same page, marking
// the moment (a user timing mark, in the trace too; the message arrives in a
// task of its own, after the app's). Between the two the main thread is free
// while the browser writes; every task the renderer's main thread ran from
// the timer's task to the last one before the mark's is counted, so the
// figure is an upper bound: an unrelated task in the window counts as well.

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'blink.user_timing',
];

/** The mark the benchmark sets when the app tells other tabs of a kept save. */
export const KEPT_MARK = 'bench-save-kept';

/** Starts a trace on the page's DevTools session; returns `stop()`, which
 * ends it and resolves to its events. */
export async function startTrace(cdp) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  return async function stop() {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** The top-level tasks of one thread, in order (a task run inside another,
 * in a nested loop, is part of the outer one). */
function topLevelTasks(events, pid, tid) {
  const tasks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const top = [];
  for (const task of tasks) {
    const last = top[top.length - 1];
    if (last && task.ts < last.ts + last.dur) continue;
    top.push(task);
  }
  return top;
}

const containing = (tasks, event) => tasks.find((t) => t.ts <= event.ts && event.ts <= t.ts + t.dur);

/**
 * The save in `events`: the last timer set for `delayMs` that fired, and
 * every main-thread task from its firing until the one before the last
 * `KEPT_MARK`'s (the app told other tabs the save is kept in that one); or,
 * with `untilKept` false (a save done within the timer's task), that task.
 * Milliseconds (of the page's own clock, so CPU throttling shows): `busy`
 * (the tasks' sum), `longest` (the longest task: how long the page could
 * not answer a tap), `wall` (timer fired to kept), and the number of tasks.
 */
export function saveOnMainThread(events, { delayMs = 400, untilKept = true } = {}) {
  const installed = new Map();
  for (const e of events) {
    if (e.name === 'TimerInstall' && e.args?.data?.timeout === delayMs) {
      installed.set(`${e.pid}:${e.args.data.timerId}`, e);
    }
  }
  const fires = events
    .filter((e) => e.name === 'TimerFire' && installed.has(`${e.pid}:${e.args?.data?.timerId}`))
    .sort((a, b) => a.ts - b.ts);
  const fire = fires[fires.length - 1];
  if (!fire) throw new Error(`no ${delayMs} ms timer fired in the trace: the save did not start`);
  const { pid, tid } = fire;
  const tasks = topLevelTasks(events, pid, tid);
  const first = containing(tasks, fire);
  if (!first) throw new Error('the save timer fired outside a task');
  if (!untilKept) return { busy: first.dur / 1000, longest: first.dur / 1000, wall: first.dur / 1000, tasks: 1 };
  const kept = events
    .filter((e) => e.pid === pid && e.tid === tid && e.name === KEPT_MARK && e.ts > fire.ts)
    .sort((a, b) => a.ts - b.ts);
  if (!kept.length) throw new Error('the save was not kept in the trace');
  const heard = containing(tasks, kept[kept.length - 1]);
  if (!heard) throw new Error('the kept mark was outside a task');
  const window = tasks.filter((t) => t.ts >= first.ts && t.ts < heard.ts);
  const last = window[window.length - 1];
  if (!last) throw new Error('the save was heard of in the task that started it');
  return {
    busy: window.reduce((sum, t) => sum + t.dur, 0) / 1000,
    longest: Math.max(...window.map((t) => t.dur)) / 1000,
    wall: (last.ts + last.dur - first.ts) / 1000,
    tasks: window.length,
  };
}
