/**
 * Resolves once the browser has had the chance to lay out and paint what was rendered so far: after the next
 * animation frame, in a task of its own. The panel's first renders are spread over frames with it, so the browser
 * lays the panel out in parts: rendered in consecutive tasks, the whole panel (~600 layout objects) was laid out
 * in one frame of 50–150 ms on the 1,000-message thread (`npm run bench:page`, traced). A page that produces no
 * frames (a hidden tab) still goes on after `fallbackMs`.
 */
export function afterNextFrame(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(finish, fallbackMs);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(finish, 0));
  });
}
