package io.daybreak.methods.biomarker.penalized;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.Sites;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.NewtonFits;
import io.daybreak.stats.biomarker.penalized.NewtonPath;
import io.daybreak.stats.biomarker.penalized.NewtonPath.Quadratic;
import io.daybreak.stats.biomarker.penalized.NewtonSums;
import io.daybreak.stats.biomarker.penalized.PenalizedPath;
import io.daybreak.stats.biomarker.penalized.PenalizedSettings;

/**
 * The coordinator of the binomial and Cox elastic nets across sites (ADR 0035): {@link NewtonPath} on the sums the
 * sites release at the points their own replay of this code computes (ADR 0013). Every λ of the path, and with three
 * or more sites every leave-one-site-out fit, moves in the same rounds: each round every site evaluates every pending
 * point over all its complete cases, and each fit adds the sums of its own sites in the sites' fixed order. One last
 * round evaluates the held-out fits for the cross-validated deviance.
 */
final class NewtonFederated {
    /** The columns of the model. */
    record Model(Family family, String response, String time, String status, double eventValue, List<String> features) {

        Map<String, Object> arguments() {
            Map<String, Object> arguments = new LinkedHashMap<>();
            if (family == Family.BINOMIAL) {
                arguments.put("response", response);
            } else {
                arguments.put("time", time);
                arguments.put("status", status);
                arguments.put("eventValue", eventValue);
            }
            arguments.put("features", new ArrayList<>(features));
            return arguments;
        }
    }

    /** The path, leave-one-site-out deviance (null with fewer than three sites), rows, events and rounds. */
    record Result(PenalizedPath path, double[][] heldOut, double[] weights, long rows, long events, int rounds) {
    }

    private final Sites sites;
    private final Model model;
    private final PenalizedSettings settings;
    private final List<String> names;
    private final int p;
    private double[] grid;
    private int rounds;
    /** Numbers released so far by all sites together: every later request carries them (ADR 0013). */
    private long released;

    /**
     * Every request carries all earlier releases, and a node takes messages of at most 64 MiB: an analysis stops, naming
     * what to reduce, before its transcript passes 40 million bytes of released numbers.
     */
    static final long MAX_TRANSCRIPT_VALUES = 5_000_000;

    private NewtonFederated(Sites sites, Model model, PenalizedSettings settings) {
        this.sites = sites;
        this.model = model;
        this.settings = settings;
        this.names = sites.names();
        this.p = model.features().size();
    }

    static Result run(Sites sites, Model model, PenalizedSettings settings) {
        return new NewtonFederated(sites, model, settings).fit();
    }

    /** One fit: the sites it adds and its path. */
    private static final class Fit {
        final boolean[] member;
        final NewtonPath.Stepper stepper;

        Fit(boolean[] member, NewtonPath.Stepper stepper) {
            this.member = member;
            this.stepper = stepper;
        }
    }

    /** The sums one site released at each point of a round (Cox: the risk part, then the Gram part). */
    private record SiteSums(Quadratic[] binomial, NewtonSums.CoxRisk[] risk, NewtonSums.CoxGram[] gram) {
    }

    private Result fit() {
        boolean cox = model.family() == Family.COX;
        int k = names.size();
        if (cox) {
            rounds++;
            grid = sites.call(ElasticNetSiteStep.METHOD, "eventTimes", model.arguments()).values().stream()
                    .flatMapToDouble(reply -> Arrays.stream(reply.get("eventTimes"))).distinct().sorted().toArray();
            if (grid.length == 0) {
                throw new IllegalArgumentException("no site has an event");
            }
        }
        // round 0 at the origin: every site's moments, events and sums there
        double[] origin = new double[p + (cox ? 0 : 1)];
        boolean[] all = new boolean[k];
        Arrays.fill(all, true);
        boolean crossValidate = k >= 3;
        // the origin once per fit: a Cox fit's weights there come from its own sites' risk sets
        List<double[]> origins = new ArrayList<>(List.of(origin));
        List<boolean[]> originMembers = new ArrayList<>(List.of(all));
        for (int f = 0; crossValidate && f < k; f++) {
            origins.add(origin);
            originMembers.add(without(all, f));
        }
        Map<String, Aggregates> first = new LinkedHashMap<>();
        List<Map<String, SiteSums>> zero = evaluate(origins, originMembers, first);
        Fit full = start(all, zero.get(0), first);
        List<Fit> fits = new ArrayList<>(List.of(full));
        boolean foldsOpen = false;
        while (true) {
            if (crossValidate && !foldsOpen && (settings.lambda() != null || !Double.isNaN(full.stepper.lambdaMax()))) {
                double[] lambdas = full.stepper.lambdas();
                for (int f = 0; f < k; f++) {
                    fits.add(start(without(all, f), zero.get(f + 1), first, settings.withLambda(lambdas)));
                }
                foldsOpen = true;
            }
            List<double[]> points = new ArrayList<>();
            List<boolean[]> members = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (Fit fit : fits) {
                List<double[]> pending = fit.stepper.pending();
                counts.add(pending.size());
                for (double[] point : pending) {
                    points.add(point);
                    members.add(fit.member);
                }
            }
            if (points.isEmpty()) {
                break;
            }
            List<Map<String, SiteSums>> sums = evaluate(points, members, null);
            int at = 0;
            for (int f = 0; f < fits.size(); f++) {
                List<Quadratic> quadratics = new ArrayList<>();
                for (int i = 0; i < counts.get(f); i++, at++) {
                    quadratics.add(combine(sums.get(at), fits.get(f).member, zeroMoments(first, fits.get(f).member)));
                }
                if (counts.get(f) > 0) {
                    fits.get(f).stepper.accept(quadratics);
                }
            }
        }
        PenalizedPath path = full.stepper.result();
        long rows = 0;
        long events = 0;
        for (String site : names) {
            rows += Math.round(first.get(site).scalar("n"));
            if (cox) {
                events += Math.round(Arrays.stream(first.get(site).get("d")).sum());
            }
        }
        if (!crossValidate) {
            return new Result(path, null, null, rows, events, rounds);
        }
        return crossValidated(path, fits, first, rows, events);
    }

    private static boolean[] without(boolean[] all, int site) {
        boolean[] member = all.clone();
        member[site] = false;
        return member;
    }

    /** A fit over the member sites, started at the origin from round 0's sums. */
    private Fit start(boolean[] member, Map<String, SiteSums> atOrigin, Map<String, Aggregates> first) {
        return start(member, atOrigin, first, settings);
    }

    private Fit start(boolean[] member, Map<String, SiteSums> atOrigin, Map<String, Aggregates> first,
            PenalizedSettings use) {
        double[] moments = zeroMoments(first, member);
        long n = Math.round(moments[0]);
        double[] sumX = Arrays.copyOfRange(moments, 1, 1 + p);
        double[] sumXX = Arrays.copyOfRange(moments, 1 + p, 1 + 2 * p);
        double[] scale = NewtonSums.scales(n, sumX, sumXX, use.standardize());
        Quadratic startSums = combine(atOrigin, member, moments);
        NewtonPath.Problem problem;
        double[] start;
        if (model.family() == Family.COX) {
            problem = new NewtonPath.Problem(Family.COX, n, scale, false, startSums.logLikelihood(),
                    NewtonSums.coxSaturated(memberEvents(member)));
            start = new double[p];
        } else {
            double ones = moments[1 + 2 * p];
            problem = new NewtonPath.Problem(Family.BINOMIAL, n, scale, use.intercept(),
                    NewtonFits.binomialNull(n, ones, use.intercept()), 0);
            start = new double[p + (use.intercept() ? 1 : 0)];
        }
        return new Fit(member, new NewtonPath.Stepper(problem, use, start, startSums));
    }

    /**
     * n, Σx, Σx² over the member sites (and Σy for binomial), from round 0: Cox sites release them; a binomial site's
     * information at the origin is X'X/4 with the intercept column, and its score there X'(y − 1/2).
     */
    private double[] zeroMoments(Map<String, Aggregates> first, boolean[] member) {
        double[] m = new double[2 + 2 * p];
        for (int s = 0; s < names.size(); s++) {
            if (!member[s]) {
                continue;
            }
            Aggregates a = first.get(names.get(s));
            double n = a.scalar("n");
            m[0] += n;
            if (model.family() == Family.COX) {
                for (int j = 0; j < p; j++) {
                    m[1 + j] += a.get("sumX")[j];
                    m[1 + p + j] += a.get("sumXX")[j];
                }
            } else {
                double[][] info = ElasticNetSiteStep.symmetric(a.get("information"), 0, p + 1);
                for (int j = 0; j < p; j++) {
                    m[1 + j] += 4 * info[0][j + 1];
                    m[1 + p + j] += 4 * info[j + 1][j + 1];
                }
                m[1 + 2 * p] += a.get("score")[0] + n / 2;
            }
        }
        return m;
    }

    /** The sums of the member sites at one point, as the fit's quadratic. */
    private Quadratic combine(Map<String, SiteSums> bySite, boolean[] member, double[] moments) {
        if (model.family() == Family.COX) {
            NewtonSums.CoxRisk risk = pooledRisk(bySite, member);
            double[][] xwx = new double[p][p];
            double[] wx = new double[p];
            double[] score = new double[p];
            double w = 0;
            for (int s = 0; s < names.size(); s++) {
                if (!member[s]) {
                    continue;
                }
                NewtonSums.CoxGram g = bySite.get(names.get(s)).gram()[0];
                for (int a = 0; a < p; a++) {
                    wx[a] += g.wx()[a];
                    score[a] += g.score()[a];
                    for (int b = 0; b < p; b++) {
                        xwx[a][b] += g.xwx()[a][b];
                    }
                }
                w += g.w();
            }
            double[] mean = new double[p];
            for (int j = 0; j < p; j++) {
                mean[j] = moments[1 + j] / moments[0];
            }
            return NewtonSums.cox(memberEvents(member), risk, new NewtonSums.CoxGram(xwx, wx, w, score), mean);
        }
        Quadratic total = null;
        for (int s = 0; s < names.size(); s++) {
            if (member[s]) {
                Quadratic q = bySite.get(names.get(s)).binomial()[0];
                total = total == null ? q : total.plus(q);
            }
        }
        return settings.intercept() ? total : NewtonSums.withoutIntercept(total);
    }

    /** Round 0's releases in the sites' order (Cox: the events per grid time are read from them). */
    private Aggregates[] firstBySite;

    private long[] memberEvents(boolean[] member) {
        long[] d = new long[grid.length];
        for (int s = 0; s < names.size(); s++) {
            if (member[s]) {
                double[] ds = firstBySite[s].get("d");
                for (int g = 0; g < d.length; g++) {
                    d[g] += Math.round(ds[g]);
                }
            }
        }
        return d;
    }

    private NewtonSums.CoxRisk pooledRisk(Map<String, SiteSums> bySite, boolean[] member) {
        double[] s0 = new double[grid.length];
        double eventEta = 0;
        for (int s = 0; s < names.size(); s++) {
            if (member[s]) {
                NewtonSums.CoxRisk r = bySite.get(names.get(s)).risk()[0];
                for (int g = 0; g < s0.length; g++) {
                    s0[g] += r.s0()[g];
                }
                eventEta += r.eventEta();
            }
        }
        return new NewtonSums.CoxRisk(s0, eventEta);
    }

    /**
     * One batch: every site evaluates every point (Cox: two calls, the second with each point's hazards from its
     * own fit's sites). Returns per point the sums of each site; fills {@code first} with round 0's releases.
     */
    private List<Map<String, SiteSums>> evaluate(List<double[]> points, List<boolean[]> members,
            Map<String, Aggregates> first) {
        Map<String, Object> arguments = model.arguments();
        List<Object> flat = new ArrayList<>();
        boolean binomial = model.family() == Family.BINOMIAL;
        for (double[] point : points) {
            if (binomial && point.length == p) {
                flat.add(0.0); // a model without intercept: its sums are taken at intercept 0, then dropped
            }
            for (double v : point) {
                flat.add(v);
            }
        }
        arguments.put("points", flat);
        List<Map<String, SiteSums>> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            out.add(new LinkedHashMap<>());
        }
        if (binomial) {
            int q = p + 1;
            account((long) points.size() * (q * (q + 1) / 2 + q + 1));
            rounds++;
            Map<String, Aggregates> replies = sites.call(ElasticNetSiteStep.METHOD, "binomial", arguments);
            if (first != null) {
                first.putAll(replies);
            }
            int tri = q * (q + 1) / 2;
            for (String site : names) {
                Aggregates a = replies.get(site);
                for (int i = 0; i < points.size(); i++) {
                    Quadratic sums = new Quadratic(a.get("logLikelihood")[i],
                            Arrays.copyOfRange(a.get("score"), i * q, (i + 1) * q),
                            ElasticNetSiteStep.symmetric(a.get("information"), i * tri, q));
                    out.get(i).put(site, new SiteSums(new Quadratic[] {sums}, null, null));
                }
            }
            return out;
        }
        arguments.put("grid", list(grid));
        account((long) points.size() * (grid.length + 1 + p * (p + 1) / 2 + 2L * p + 1) + 2L * p + grid.length);
        rounds++;
        Map<String, Aggregates> risks = sites.call(ElasticNetSiteStep.METHOD, "coxRisk", arguments);
        if (first != null) {
            first.putAll(risks);
        }
        if (firstBySite == null) {
            firstBySite = new Aggregates[names.size()];
            for (int s = 0; s < names.size(); s++) {
                firstBySite[s] = risks.get(names.get(s));
            }
        }
        int g = grid.length;
        List<Object> hazards = new ArrayList<>();
        List<NewtonSums.CoxRisk[]> riskBySite = new ArrayList<>();
        for (String site : names) {
            Aggregates a = risks.get(site);
            NewtonSums.CoxRisk[] r = new NewtonSums.CoxRisk[points.size()];
            for (int i = 0; i < points.size(); i++) {
                r[i] = new NewtonSums.CoxRisk(Arrays.copyOfRange(a.get("s0"), i * g, (i + 1) * g),
                        a.get("eventEta")[i]);
            }
            riskBySite.add(r);
        }
        for (int i = 0; i < points.size(); i++) {
            double[] s0 = new double[g];
            for (int s = 0; s < names.size(); s++) {
                if (members.get(i)[s]) {
                    for (int t = 0; t < g; t++) {
                        s0[t] += riskBySite.get(s)[i].s0()[t];
                    }
                }
            }
            double[][] h = NewtonSums.hazards(memberEvents(members.get(i)), s0);
            for (double v : h[0]) {
                hazards.add(v);
            }
            for (double v : h[1]) {
                hazards.add(v);
            }
        }
        arguments.put("hazards", hazards);
        rounds++;
        Map<String, Aggregates> grams = sites.call(ElasticNetSiteStep.METHOD, "coxGram", arguments);
        int tri = p * (p + 1) / 2;
        for (int s = 0; s < names.size(); s++) {
            Aggregates a = grams.get(names.get(s));
            for (int i = 0; i < points.size(); i++) {
                NewtonSums.CoxGram gram = new NewtonSums.CoxGram(ElasticNetSiteStep.symmetric(a.get("xwx"), i * tri, p),
                        Arrays.copyOfRange(a.get("wx"), i * p, (i + 1) * p), a.get("w")[i],
                        Arrays.copyOfRange(a.get("score"), i * p, (i + 1) * p));
                out.get(i).put(names.get(s), new SiteSums(null, new NewtonSums.CoxRisk[] {riskBySite.get(s)[i]},
                        new NewtonSums.CoxGram[] {gram}));
            }
        }
        return out;
    }

    /** Counts a round's release per site against the transcript limit before the round is sent. */
    private void account(long valuesPerSite) {
        released += valuesPerSite * names.size();
        if (released > MAX_TRANSCRIPT_VALUES) {
            throw new IllegalArgumentException("this analysis would release more than " + MAX_TRANSCRIPT_VALUES
                    + " numbers over its rounds (every request carries all earlier releases); lower nlambda (or give fewer "
                    + "lambda values), use fewer features, or run with fewer than 3 sites (no cross-validation)");
        }
    }

    /**
     * Leave-one-site-out deviance at every λ of the path: binomial −2ℓ_k/n_k of the held-out site at the fit without
     * it (weights n_k); Cox cv.glmnet's grouped deviance, (D_all − D_without k)/d_k at that fit (weights d_k).
     */
    private Result crossValidated(PenalizedPath path, List<Fit> fits, Map<String, Aggregates> first, long rows,
            long events) {
        int k = names.size();
        int nl = path.size();
        List<double[]> points = new ArrayList<>();
        List<boolean[]> members = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            PenalizedPath fold = fits.get(f + 1).stepper.result();
            for (int m = 0; m < nl; m++) {
                int at = Math.min(m, fold.size() - 1);
                double[] point;
                if (model.family() == Family.COX) {
                    point = fold.beta()[at].clone();
                } else {
                    point = new double[p + 1];
                    point[0] = fold.intercept()[at];
                    System.arraycopy(fold.beta()[at], 0, point, 1, p);
                }
                points.add(point);
                members.add(fits.get(f + 1).member);
            }
        }
        boolean cox = model.family() == Family.COX;
        List<Map<String, SiteSums>> sums = cox ? riskOnly(points) : evaluate(points, members, null);
        double[][] raw = new double[k][nl];
        double[] weight = new double[k];
        boolean[] all = new boolean[k];
        Arrays.fill(all, true);
        for (int f = 0; f < k; f++) {
            String held = names.get(f);
            if (cox) {
                long[] dAll = memberEvents(all);
                long[] dRest = memberEvents(fits.get(f + 1).member);
                weight[f] = Arrays.stream(dAll).sum() - Arrays.stream(dRest).sum();
                for (int m = 0; m < nl; m++) {
                    Map<String, SiteSums> at = sums.get(f * nl + m);
                    double devAll = 2 * (NewtonSums.coxSaturated(dAll) - logLikelihood(dAll, pooledRisk(at, all)));
                    double devRest = 2 * (NewtonSums.coxSaturated(dRest)
                            - logLikelihood(dRest, pooledRisk(at, fits.get(f + 1).member)));
                    raw[f][m] = weight[f] > 0 ? (devAll - devRest) / weight[f] : 0;
                }
            } else {
                weight[f] = first.get(held).scalar("n");
                for (int m = 0; m < nl; m++) {
                    raw[f][m] = -2 * sums.get(f * nl + m).get(held).binomial()[0].logLikelihood() / weight[f];
                }
            }
        }
        return new Result(path, raw, weight, rows, events, rounds);
    }

    private static double logLikelihood(long[] d, NewtonSums.CoxRisk risk) {
        double ll = risk.eventEta();
        for (int t = 0; t < d.length; t++) {
            if (d[t] > 0) {
                ll -= d[t] * Math.log(risk.s0()[t]);
            }
        }
        return ll;
    }

    /** The risk part only (the held-out Cox deviance needs no Gram matrix). */
    private List<Map<String, SiteSums>> riskOnly(List<double[]> points) {
        Map<String, Object> arguments = model.arguments();
        List<Object> flat = new ArrayList<>();
        for (double[] point : points) {
            for (double v : point) {
                flat.add(v);
            }
        }
        arguments.put("points", flat);
        arguments.put("grid", list(grid));
        account((long) points.size() * (grid.length + 1) + 2L * p + grid.length);
        rounds++;
        Map<String, Aggregates> risks = sites.call(ElasticNetSiteStep.METHOD, "coxRisk", arguments);
        int g = grid.length;
        List<Map<String, SiteSums>> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Map<String, SiteSums> bySite = new LinkedHashMap<>();
            for (String site : names) {
                Aggregates a = risks.get(site);
                bySite.put(site, new SiteSums(null, new NewtonSums.CoxRisk[] {new NewtonSums.CoxRisk(
                        Arrays.copyOfRange(a.get("s0"), i * g, (i + 1) * g), a.get("eventEta")[i])}, null));
            }
            out.add(bySite);
        }
        return out;
    }

    private static List<Object> list(double[] values) {
        List<Object> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
