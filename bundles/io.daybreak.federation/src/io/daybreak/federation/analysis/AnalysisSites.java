package io.daybreak.federation.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.Sites;
import io.daybreak.federation.site.DatasetInfo;

/**
 * The coordinator's side of one open analysis: each {@link #call} is the next round. The coordinator computes the
 * arguments of the round as before, but sends only their digest with the specification and every earlier round's
 * signed releases; each site recomputes the arguments itself from those and evaluates there. The replies are checked
 * before they are used — the signature against the study CA, every field against this round, the arguments digest
 * against the coordinator's own, the bytes against the release format — and any failure fails the analysis closed,
 * naming the site that sent it. Views from {@link #only} share the analysis's rounds.
 */
public final class AnalysisSites implements Sites {
    private final AnalysisSpec spec;
    /** The specification's digest, which every release of this analysis must carry. */
    private final String specSha256;
    private final Map<String, SiteChannel> channels;
    private final ReleaseVerifier verifier;
    private final BufferAllocator allocator;
    private final Supplier<Map<String, DatasetInfo>> infos;
    private final Transcript transcript;

    AnalysisSites(AnalysisSpec spec, Map<String, SiteChannel> channels, ReleaseVerifier verifier,
            BufferAllocator allocator, Supplier<Map<String, DatasetInfo>> infos) {
        this(spec, new LinkedHashMap<>(channels), verifier, allocator, infos, new Transcript());
    }

    private AnalysisSites(AnalysisSpec spec, Map<String, SiteChannel> channels, ReleaseVerifier verifier,
            BufferAllocator allocator, Supplier<Map<String, DatasetInfo>> infos, Transcript transcript) {
        this.spec = spec;
        this.specSha256 = spec.sha256();
        this.channels = channels;
        this.verifier = verifier;
        this.allocator = allocator;
        this.infos = infos;
        this.transcript = transcript;
    }

    /** The rounds so far, and each site's latest signed release (its audit head), shared by all views. */
    private static final class Transcript {
        final List<List<SignedRelease>> rounds = new ArrayList<>();
        final Map<String, SignedRelease> latest = new LinkedHashMap<>();
    }

    public AnalysisSpec spec() {
        return spec;
    }

    /** Each site's last signed release in this analysis, in the sites' order (for the result certificate). */
    public Map<String, SignedRelease> latestReleases() {
        Map<String, SignedRelease> ordered = new LinkedHashMap<>();
        for (String site : spec.sites()) {
            if (transcript.latest.containsKey(site)) {
                ordered.put(site, transcript.latest.get(site));
            }
        }
        return ordered;
    }

    /** Rounds run so far. */
    public int rounds() {
        return transcript.rounds.size();
    }

    @Override
    public List<String> names() {
        return List.copyOf(channels.keySet());
    }

    @Override
    public Map<String, Aggregates> call(String method, String step, Map<String, Object> arguments) {
        int round = transcript.rounds.size();
        if (round >= StepRequest.MAX_ROUNDS) {
            throw new IllegalStateException("the analysis needs more than " + StepRequest.MAX_ROUNDS + " rounds");
        }
        String argumentsSha256 = Canonical.sha256(arguments);
        StepRequest request = new StepRequest(spec, round, transcript.rounds, argumentsSha256);
        Map<String, SiteChannel.Pending> pending = new LinkedHashMap<>();
        channels.forEach((site, channel) -> pending.put(site, channel.send(request)));
        List<SignedRelease> releases = new ArrayList<>();
        Map<String, Aggregates> replies = new LinkedHashMap<>();
        for (Map.Entry<String, SiteChannel.Pending> entry : pending.entrySet()) {
            String site = entry.getKey();
            SignedRelease release = entry.getValue().await();
            check(site, release, round, method, step, argumentsSha256);
            replies.put(site, ReleaseDecoder.decode(site, release.aggregates(), allocator));
            releases.add(release);
        }
        ReleaseDecoder.requireSameShapes(replies);
        transcript.rounds.add(List.copyOf(releases));
        releases.forEach(release -> transcript.latest.put(release.site(), release));
        return replies;
    }

    private void check(String site, SignedRelease release, int round, String method, String step,
            String argumentsSha256) {
        if (release == null || !site.equals(release.site())) {
            throw new SiteFailedException(site, "answered with another site's release");
        }
        if (!release.analysisId().equals(spec.id()) || !release.specSha256().equals(specSha256)
                || release.round() != round || !release.method().equals(method) || !release.step().equals(step)) {
            throw new SiteFailedException(site, "released for another analysis, round or step than asked");
        }
        if (!release.argumentsSha256().equals(argumentsSha256)) {
            throw new SiteFailedException(site, "evaluated at another point than this coordinator computed for round "
                    + round + " (the site's method bundle differs from the coordinator's)");
        }
        try {
            verifier.verify(release);
        } catch (ReleaseVerifier.ReleaseRejectedException e) {
            throw new SiteFailedException(site, e.getMessage());
        }
    }

    @Override
    public Map<String, DatasetInfo> datasetInfo() {
        Map<String, DatasetInfo> all = infos.get();
        Map<String, DatasetInfo> mine = new LinkedHashMap<>();
        channels.keySet().forEach(site -> mine.put(site, all.get(site)));
        return mine;
    }

    @Override
    public AnalysisSites only(List<String> names) {
        Map<String, SiteChannel> subset = new LinkedHashMap<>();
        channels.forEach((name, channel) -> {
            if (names.contains(name)) {
                subset.put(name, channel);
            }
        });
        return new AnalysisSites(spec, subset, verifier, allocator, infos, transcript);
    }
}
