/**
 * Resolves once the browser has painted the next frame: a requestAnimationFrame callback runs
 * just before the frame is painted, and a task queued from it runs after.
 *
 * After a movement, the new on hand is rendered from the movement's answer (the query
 * cache's update is flushed in a task of its own); closing the dialog and showing the
 * confirmation wait for this, so that frame holds only the new number, not also the modal's
 * exit and the notification's entry.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
