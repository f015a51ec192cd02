package io.daybreak.federation.site;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.InvalidInputException;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.Sites;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.Canonical;
import io.daybreak.federation.analysis.ReleaseDecoder;
import io.daybreak.federation.analysis.ReleaseVerifier;
import io.daybreak.federation.analysis.SignedRelease;

/**
 * How a site finds the point it evaluates at in round r of an analysis without taking it from the requester: it runs
 * the federated method's own coordinator code on the specification, answering the code's first r calls with the
 * signed releases of rounds 0 … r−1 (each verified: signed by a site of the analysis, for this analysis, round, step
 * and arguments), and stops at call r, whose method, step and arguments are then the site's to evaluate. The
 * coordinator code is deterministic, so the site arrives at exactly the point an honest coordinator computed, and a
 * dishonest one cannot make it arrive anywhere else.
 */
final class AnalysisReplay {
    /** The call the coordinator code makes in the requested round. */
    record Next(String method, String step, Map<String, Object> arguments, String argumentsSha256, List<String> sites) {
    }

    /** Why no next call could be found; the message names the rule, never data. */
    static final class ReplayException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReplayException(String message) {
            super(message, null, false, false);
        }
    }

    private AnalysisReplay() {
    }

    static Next next(FederatedMethod method, AnalysisSpec spec, List<List<SignedRelease>> transcript,
            ReleaseVerifier verifier, BufferAllocator allocator) {
        Replay replay = new Replay(spec, transcript, verifier, allocator);
        RuntimeException failure = null;
        try {
            method.run(new ReplaySites(replay, spec.sites()), spec.parameters(), allocator);
        } catch (Stop stop) {
            // reached the requested round
        } catch (ReplayException e) {
            throw e;
        } catch (RuntimeException e) {
            failure = e;
        }
        if (replay.next != null) {
            return replay.next;
        }
        if (replay.failure != null) {
            throw replay.failure;
        }
        int round = transcript.size();
        if (failure != null) {
            if (replay.calls == 0 && (failure instanceof IllegalArgumentException
                    || failure instanceof InvalidInputException)) {
                // the specification's own parameters are wrong: the message names them (and only them)
                throw new ReplayException("the analysis specification is not valid: " + failure.getMessage());
            }
            throw new ReplayException("the analysis has no round " + round + ": its computation stops after "
                    + replay.calls + " round(s)");
        }
        throw new ReplayException("the analysis has no round " + round + ": it is complete after " + replay.calls
                + " round(s)");
    }

    /** Signals that the requested round's call was reached. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /** The replay's state, shared by the {@link Sites} views the method's code may take. */
    private static final class Replay {
        final AnalysisSpec spec;
        final String specSha256;
        final List<List<SignedRelease>> transcript;
        final ReleaseVerifier verifier;
        final BufferAllocator allocator;
        int calls;
        Next next;
        ReplayException failure;

        Replay(AnalysisSpec spec, List<List<SignedRelease>> transcript, ReleaseVerifier verifier,
                BufferAllocator allocator) {
            this.spec = spec;
            this.specSha256 = spec.sha256();
            this.transcript = transcript;
            this.verifier = verifier;
            this.allocator = allocator;
        }

        Map<String, Aggregates> call(List<String> sites, String method, String step, Map<String, Object> arguments) {
            if (next != null || failure != null) {
                throw new Stop();
            }
            int round = calls++;
            String argumentsSha256 = Canonical.sha256(arguments);
            if (round == transcript.size()) {
                next = new Next(method, step, arguments, argumentsSha256, List.copyOf(sites));
                throw new Stop();
            }
            try {
                return verified(round, sites, method, step, argumentsSha256);
            } catch (ReplayException e) {
                failure = e;
                throw new Stop();
            }
        }

        private Map<String, Aggregates> verified(int round, List<String> sites, String method, String step,
                String argumentsSha256) {
            List<SignedRelease> releases = transcript.get(round);
            Set<String> seen = new HashSet<>();
            Map<String, SignedRelease> bySite = new LinkedHashMap<>();
            for (SignedRelease release : releases) {
                if (!sites.contains(release.site()) || !seen.add(release.site())) {
                    throw new ReplayException("round " + round + " of the forwarded releases holds a release of a site "
                            + "that takes no part in it, or two of one site");
                }
                bySite.put(release.site(), release);
            }
            if (bySite.size() != sites.size()) {
                throw new ReplayException("round " + round + " of the forwarded releases lacks a site's release");
            }
            Map<String, Aggregates> replies = new LinkedHashMap<>();
            for (String site : sites) {
                SignedRelease release = bySite.get(site);
                if (!release.analysisId().equals(spec.id()) || !release.specSha256().equals(specSha256)
                        || release.round() != round || !release.method().equals(method) || !release.step().equals(step)
                        || !release.argumentsSha256().equals(argumentsSha256)) {
                    throw new ReplayException("the forwarded release of site '" + site + "' in round " + round
                            + " belongs to another analysis, round, step or evaluation point");
                }
                try {
                    verifier.verify(release);
                    replies.put(site, ReleaseDecoder.decode(site, release.aggregates(), allocator));
                } catch (ReleaseVerifier.ReleaseRejectedException | SiteFailedException e) {
                    throw new ReplayException("the forwarded release of site '" + site + "' in round " + round
                            + " is refused: " + e.getMessage());
                }
            }
            return replies;
        }
    }

    /** The sites as the method's code sees them during the replay. */
    private static final class ReplaySites implements Sites {
        private final Replay replay;
        private final List<String> names;

        ReplaySites(Replay replay, List<String> names) {
            this.replay = replay;
            this.names = List.copyOf(names);
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public Map<String, Aggregates> call(String method, String step, Map<String, Object> arguments) {
            return replay.call(names, method, step, arguments);
        }

        @Override
        public Map<String, DatasetInfo> datasetInfo() {
            // only a coordinator's summaries use it, after the last round: nothing more to find
            throw new Stop();
        }

        @Override
        public Sites only(List<String> subset) {
            return new ReplaySites(replay, names.stream().filter(subset::contains).toList());
        }
    }
}
