package io.faceswap.billing;

import java.time.Instant;

/** A user's balance as the admin API shows it. */
public record AccountView(
        String userId,
        long balanceSeconds,
        long heldSeconds,
        long spentSeconds,
        long paidSeconds,
        int paymentCount,
        Instant createdAt) {

    public static AccountView of(UserAccount a) {
        return new AccountView(
                a.getUserId(),
                a.balanceSeconds(),
                a.getHeldSeconds(),
                a.getSpentSeconds(),
                a.getPaidSeconds(),
                a.getPaymentCount(),
                a.getCreatedAt());
    }
}
