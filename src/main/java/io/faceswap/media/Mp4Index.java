package io.faceswap.media;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The index of an MP4/MOV file (its {@code moov}), read just far enough to say which bytes of the file a time
 * window needs: {@link #spans(double, Double)}. Times are seconds from the first video frame, as a trim counts them.
 * <p>
 * For every track: from the sync sample at or before the window's start (less a margin) through the last sample
 * that starts before its end (plus a margin and a few samples more, for the decoder's reordering delay); and the
 * samples of the first second, which FFmpeg decodes while it probes the streams. Only codecs whose packets FFmpeg
 * passes on as stored are accepted ({@link #SAFE_CODECS}): for those, the zero bytes of the parts not fetched are
 * demuxed as packets but never decoded. Anything else is an {@link Mp4Exception}, and the whole file is fetched.
 */
final class Mp4Index {
    /** The largest {@code moov} read; real ones are well under a megabyte per minute. */
    static final int MAX_MOOV = 64 * 1024 * 1024;

    static final double MARGIN_SECONDS = 0.5, HEAD_SECONDS = 1.0;
    static final int LOOKAHEAD_SAMPLES = 16, HEAD_SAMPLES = 32, MAX_TRACKS = 64;
    static final long MAX_TOTAL_SAMPLES = 128_000_000;

    /**
     * Sample entries whose packets FFmpeg's mov demuxer hands on as stored (no full parser that would re-split
     * them), and which the pipeline copies or decodes only inside the window. AC-3, VP9 and the like are parsed in
     * full and could turn zeros into different packets: those files are fetched whole.
     */
    static final Set<String> SAFE_CODECS = Set.of(
            "avc1", "avc3", "hvc1", "hev1", "av01", "mp4v", // video
            "mp4a", "alac", "Opus", "sowt", "twos", "lpcm", "in24", "in32", "fl32", "fl64", "raw "); // audio

    private final List<Mp4Track> tracks;
    private final long movieTimescale;
    private final long fileLength;

    private Mp4Index(List<Mp4Track> tracks, long movieTimescale, long fileLength) {
        this.tracks = tracks;
        this.movieTimescale = movieTimescale;
        this.fileLength = fileLength;
    }

    /** @param moov the whole {@code moov} box, header included; @param fileLength the file's length in bytes */
    static Mp4Index parse(ByteBuffer moov, long fileLength) {
        Mp4Box box = Mp4Box.at(moov, 0, moov.limit());
        if (!box.type().equals("moov")) {
            throw new Mp4Exception("not a moov box: " + box.type());
        }
        if (box.child(moov, "mvex") != null) {
            throw new Mp4Exception("a fragmented file");
        }
        Mp4Box mvhd = box.require(moov, "mvhd");
        int v = mvhd.version(moov);
        mvhd.need(v == 1 ? 24 : 16);
        long movieTimescale = Mp4Box.u32(moov, mvhd.body() + (v == 1 ? 20 : 12));
        List<Mp4Track> tracks = new ArrayList<>();
        long samples = 0;
        for (Mp4Box trak : box.children(moov, 0)) {
            if (!trak.type().equals("trak")) {
                continue;
            }
            if (tracks.size() == MAX_TRACKS) {
                throw new Mp4Exception("more than " + MAX_TRACKS + " tracks");
            }
            Mp4Track track = Mp4Track.parse(moov, trak);
            samples += track.samples.count;
            if ((track.video() || track.audio()) && (!SAFE_CODECS.contains(track.codec) || track.sampleEntries != 1)) {
                throw new Mp4Exception("a " + track.handler + " track of " + track.codec + " entries");
            }
            tracks.add(track);
        }
        if (movieTimescale == 0
                || samples > MAX_TOTAL_SAMPLES
                || tracks.stream().noneMatch(Mp4Track::video)) {
            throw new Mp4Exception("no video track, no movie timescale or too many samples");
        }
        return new Mp4Index(tracks, movieTimescale, fileLength);
    }

    /**
     * The bytes a window of the presentation needs, in every track.
     *
     * @param end null: to the end of the file
     */
    ByteSpans spans(double start, Double end) {
        Mp4Track video = tracks.stream().filter(Mp4Track::video).findFirst().orElseThrow();
        // FFmpeg's time of the first video frame: what the trim's 0 is, on the timeline all tracks share
        double origin = Math.max(0, video.firstOffset - video.mediaStart) / (double) video.timescale
                + video.emptyEdit / (double) movieTimescale;
        ByteSpans out = new ByteSpans();
        for (Mp4Track track : tracks) {
            long from = media(track, origin + start - MARGIN_SECONDS);
            long to = end == null ? Long.MAX_VALUE : media(track, origin + end + MARGIN_SECONDS);
            long head = Math.round(HEAD_SECONDS * track.timescale);
            Mp4TrackPlan.add(track.samples, fileLength, new long[] {from, to, head}, out);
        }
        return out;
    }

    /** A time on the shared timeline, in seconds, as media time of {@code track} (the inverse of FFmpeg's mapping). */
    private long media(Mp4Track track, double seconds) {
        double t = seconds * track.timescale
                + track.mediaStart
                - track.emptyEdit * (double) track.timescale / movieTimescale;
        return t >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.floor(t);
    }
}
