/**
 * The audit log: who (the admin credential, or the key that called) did what (key new, roll, delete; payment;
 * webhook secret roll; rate-limit override; consent, reports, take-downs, suspensions) to whom, and when. Entries are written in the transaction of the change
 * they describe, so a change is never without its entry, nor an entry without its change. Admins list them newest
 * first, filtered, with cursor paging.
 * <p>
 * Depends on {@code api}, {@code auth} and {@code billing} (user ids); the packages that change keys and balances
 * depend on it, not the other way round.
 */
package io.faceswap.audit;
