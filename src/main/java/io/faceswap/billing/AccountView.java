package io.faceswap.billing;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** A user's balance as the admin API shows it, and since when the user is suspended (null: not suspended). */
@JsonbNillable
public record AccountView(
        String userId,
        long balanceSeconds,
        long heldSeconds,
        long spentSeconds,
        long paidSeconds,
        int paymentCount,
        Instant createdAt,
        Instant suspendedAt) {

    public static AccountView of(UserAccount a) {
        return new AccountView(
                a.getUserId(),
                a.balanceSeconds(),
                a.getHeldSeconds(),
                a.getSpentSeconds(),
                a.getPaidSeconds(),
                a.getPaymentCount(),
                a.getCreatedAt(),
                a.getSuspendedAt());
    }
}
