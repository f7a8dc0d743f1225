/**
 * Responsible use (issue 27, items 2 to 4): abuse reports that anyone may file without a key (rate-limited per
 * client address, never revealing whether a task exists), and the operators' answers to them: take-downs (the
 * task's data erased, in one place: {@link io.faceswap.trust.TakedownService#eraseTaskData}) and suspensions (every
 * key of the user refused on every node within the key cache's second, running tasks stopped and released). Every
 * action is written to the audit log. Also the per-user switch of the visible AI-generated mark (item 2; the
 * mark itself is drawn by the engine, {@code swap.VisibleLabel}). Consent on create lives with the task
 * ({@code task.ConsentPolicy}).
 * <p>
 * Depends on {@code api}, {@code auth}, {@code audit}, {@code account}, {@code billing}, {@code ratelimit} and
 * {@code task}; nothing depends on it.
 */
package io.faceswap.trust;
