package io.faceswap.swap.video;

import io.faceswap.swap.SwapException;

/** The trim asks for time the video does not have: its start or end lies past the video's real end. */
public class TrimPastEndException extends SwapException {
    public TrimPastEndException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "TRIM_PAST_END";
    }
}
