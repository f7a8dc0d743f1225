package io.faceswap.billing;

/** The shape of a user id everywhere it enters the API (a ClipZap user id, an e-mail-like handle ...). */
public final class UserIds {
    public static final String PATTERN = "[A-Za-z0-9_.@:-]{1,64}";
    public static final String MESSAGE = "must be 1-64 characters of A-Z a-z 0-9 _ . @ : -";

    private UserIds() {}
}
