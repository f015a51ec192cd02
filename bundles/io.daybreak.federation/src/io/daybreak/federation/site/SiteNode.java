package io.daybreak.federation.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.SiteIdentity;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.ledger.RowSetLedger;
import io.daybreak.federation.policy.DisclosureException;
import io.daybreak.federation.policy.DisclosurePolicy;

/**
 * The transport-independent core of a site node. It owns the site's datasets and serves rounds of analyses to the
 * researchers its data custodian authorised:
 * <ol>
 * <li>every request is audited before anything else is done with it;</li>
 * <li>the site finds the point it evaluates at itself, by replaying the analysis's coordinator code on the
 * specification and the verified signed releases of the earlier rounds ({@link AnalysisReplay}) — a requester
 * never chooses a coefficient vector, grid, weight or level;</li>
 * <li>the step on the allow-list runs under the site's disclosure policy ({@link ReleaseGuard});</li>
 * <li>the release is audited (size and SHA-256 of exactly the bytes that leave) and signed with the site's key
 * together with the audit head, so the coordinator can put the site's own word about its log into the result
 * certificate.</li>
 * </ol>
 * A request that fails in any way becomes a {@link NodeException} whose message names the rule and the parameter
 * and carries nothing computed from rows ({@link RefusalText}); the node stays up.
 * <p>
 * Site steps and federated methods are installed and removed while the node runs, as the bundles that provide them
 * come and go ({@link #install(SiteStep, String)}, {@link #remove(SiteStep)}); a method pinned on the
 * {@link AllowList} is served only with code from the bundle whose SHA-256 it names (ADR 0014).
 */
public final class SiteNode {
    /** Largest argument list accepted (elements across all list arguments a step is evaluated with). */
    static final int MAX_ARGUMENT_ELEMENTS = 1_000_000;

    private final String name;
    private final Map<String, Table> datasets;
    private final AllowList allowList;
    private final Providers<SiteStep> steps = new Providers<>();
    private final Providers<FederatedMethod> methods = new Providers<>();
    /** Per pinned method, the digest of the last bundle refused for its site step or its federated method. */
    private final Map<String, String> refusedSteps = new ConcurrentHashMap<>();
    private final Map<String, String> refusedMethods = new ConcurrentHashMap<>();
    private final DisclosurePolicy policy;
    private final AuditLog audit;
    private final BufferAllocator allocator;
    private final RowSetLedger ledger;
    private volatile SiteIdentity identity;
    private volatile DatasetVersions versions = DatasetVersions.ephemeral();
    /** Each dataset's version digest under {@link #versions}, computed once (the tables never change). */
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    /** Certificate common names allowed to run analyses; empty: nobody, unless any study researcher is allowed. */
    private volatile Set<String> authorizedRequesters = Set.of();
    private volatile boolean anyStudyResearcher;

    /** A node whose row-set ledger lives in memory only (tests): differencing is checked within its lifetime. */
    public SiteNode(String name, Map<String, Table> datasets, Set<String> allowedMethods, List<SiteStep> steps,
            List<FederatedMethod> methods, DisclosurePolicy policy, AuditLog audit, BufferAllocator allocator) {
        this(name, datasets, allowedMethods, steps, methods, policy, audit, allocator, RowSetLedger.inMemory());
    }

    /**
     * @param allowedMethods the site steps (method ids, e.g. {@code stats.glm}) this site serves
     * @param steps          the site steps installed
     * @param methods        the federated methods installed, whose coordinator code the site replays
     * @param ledger         the row sets of the node's earlier answers, for every requester (the caller opens and
     *                       closes it)
     */
    public SiteNode(String name, Map<String, Table> datasets, Set<String> allowedMethods, List<SiteStep> steps,
            List<FederatedMethod> methods, DisclosurePolicy policy, AuditLog audit, BufferAllocator allocator,
            RowSetLedger ledger) {
        this(name, datasets, AllowList.of(allowedMethods), policy, audit, allocator, ledger);
        // given, not provided by bundles: nothing to check a pin against; the last of an id wins, as it always did
        Map<String, SiteStep> stepsById = new LinkedHashMap<>();
        steps.forEach(step -> stepsById.put(step.method(), step));
        stepsById.forEach((id, step) -> this.steps.add(id, step, ""));
        Map<String, FederatedMethod> methodsById = new LinkedHashMap<>();
        methods.forEach(method -> methodsById.put(method.id(), method));
        methodsById.forEach((id, method) -> this.methods.add(id, method, ""));
    }

    /**
     * A node without code yet: its site steps and federated methods are installed as the bundles providing them
     * arrive ({@link #install(SiteStep, String)}), and checked against the pins of the allow-list.
     */
    public SiteNode(String name, Map<String, Table> datasets, AllowList allowList, DisclosurePolicy policy,
            AuditLog audit, BufferAllocator allocator, RowSetLedger ledger) {
        this.ledger = ledger;
        this.name = name;
        this.datasets = Map.copyOf(datasets);
        this.allowList = allowList;
        this.policy = policy;
        this.audit = audit;
        this.allocator = allocator;
        this.identity = SiteIdentity.inProcess(name);
    }

    public String name() {
        return name;
    }

    /** How this node signs releases and verifies other sites' (set from its certificate when it serves gRPC). */
    public SiteIdentity identity() {
        return identity;
    }

    public void useIdentity(SiteIdentity identity) {
        if (!identity.signer().site().equals(name)) {
            throw new IllegalArgumentException("the node is site '" + name + "' but its key signs for site '"
                    + identity.signer().site() + "'");
        }
        this.identity = identity;
    }

    /**
     * Names dataset versions with this site's key ({@link DatasetVersions#open}); a node that is not told uses a key of
     * its own lifetime. Set before the node serves.
     */
    public void useDatasetVersions(DatasetVersions versions) {
        this.versions = versions;
        digests.clear();
    }

    /** The version digest of a dataset as this node serves it, or {@code null} if it has no such dataset. */
    public String datasetDigest(String dataset) {
        Table table = datasets.get(dataset);
        if (table == null) {
            return null;
        }
        DatasetVersions current = versions;
        return digests.computeIfAbsent(dataset, name -> current.digest(table));
    }

    /**
     * Restricts the node to these researchers (certificate common names, e.g. "alice"): a study's data custodian
     * authorises people, not just the CA that certified them. A node serves nobody until it is told whom.
     */
    public void authorize(Set<String> commonNames) {
        this.authorizedRequesters = Set.copyOf(commonNames);
    }

    /** Serves any researcher the study CA certified (never a site); an explicit, logged choice of the operator. */
    public void authorizeAnyStudyResearcher() {
        this.anyStudyResearcher = true;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("setting", "any study researcher may request analyses (--any-study-researcher)");
        log("configuration", entry);
    }

    public DisclosurePolicy policy() {
        return policy;
    }

    public AllowList allowList() {
        return allowList;
    }

    /**
     * Installs a site step provided by the bundle with this content SHA-256, unless its method is pinned to another
     * bundle: then the node does not use it and audits the refusal (kind "configuration": the method and both
     * digests). Installing a step of an allow-listed method is audited too, so the log shows which code served.
     *
     * @return whether the step is installed
     */
    public boolean install(SiteStep step, String bundleSha256) {
        return install(steps, refusedSteps, "site step", step.method(), step, bundleSha256);
    }

    /**
     * Installs a federated method (the coordinator code the node replays) provided by the bundle with this content
     * SHA-256, under the same pin rule as {@link #install(SiteStep, String)}: replayed code decides what the site
     * evaluates, so it is code the custodian reviewed too.
     *
     * @return whether the method is installed
     */
    public boolean install(FederatedMethod method, String bundleSha256) {
        return install(methods, refusedMethods, "federated method", method.id(), method, bundleSha256);
    }

    /**
     * Stops using this site step (its bundle stopped, was updated or uninstalled): from now on its method is refused
     * until another acceptable step for it is installed. A request already running it finishes or fails cleanly.
     */
    public void remove(SiteStep step) {
        remove(steps, "site step", step);
    }

    /** Stops replaying this federated method; analyses of it are refused until another one is installed. */
    public void remove(FederatedMethod method) {
        remove(methods, "federated method", method);
    }

    /**
     * Checks that every method on the allow-list is served: a site step is installed for it and, for a pinned method,
     * neither its step nor its federated method was refused for coming from another bundle without a matching one
     * installed. A node is started only when this holds.
     *
     * @throws IllegalStateException naming the first method that is not served, and why
     */
    public void checkAllowList() {
        for (String method : allowList.methods()) {
            boolean noStep = steps.current(method) == null;
            String refused = noStep ? refusedSteps.get(method)
                    : methods.current(method) == null ? refusedMethods.get(method) : null;
            if (refused != null) {
                throw new IllegalStateException("the allow-list pins " + method + " to bundle SHA-256 "
                        + allowList.pin(method).orElse("") + ", but the installed bundle has " + refused
                        + "; refusing to serve unreviewed code");
            }
            if (noStep) {
                throw new IllegalStateException("allow-list names '" + method + "', but no installed bundle provides its "
                        + "site step; available: " + steps.ids().stream().sorted().toList());
            }
        }
    }

    private synchronized <T> boolean install(Providers<T> providers, Map<String, String> refused, String component,
            String method, T provider, String bundleSha256) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("component", component);
        entry.put("method", bounded(method));
        entry.put("bundleSha256", bounded(bundleSha256));
        if (!allowList.accepts(method, bundleSha256)) {
            refused.put(method, bundleSha256);
            entry.put("change", "refused");
            entry.put("pinnedSha256", allowList.pin(method).orElse(""));
            entry.put("reason", "the bundle's SHA-256 is not the one the allow-list pins; its code is not used");
            configuration(entry);
            return false;
        }
        providers.add(method, provider, bundleSha256);
        if (allowList.allows(method)) {
            entry.put("change", "installed");
            entry.put("served", providers.current(method) == provider);
            configuration(entry);
        }
        return true;
    }

    private synchronized <T> void remove(Providers<T> providers, String component, T provider) {
        for (Providers.Installed<T> removed : providers.remove(provider)) {
            if (allowList.allows(removed.id())) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("component", component);
                entry.put("method", bounded(removed.id()));
                entry.put("bundleSha256", bounded(removed.bundleSha256()));
                entry.put("change", "withdrawn");
                entry.put("stillServed", providers.current(removed.id()) != null);
                configuration(entry);
            }
        }
    }

    /**
     * Audits a change of the code the node runs. It is made whether or not the entry can be written: a node whose
     * log fails refuses every request until the log works again, so no analysis runs on an unrecorded change.
     */
    private void configuration(Map<String, Object> entry) {
        try {
            log("configuration", entry);
        } catch (NodeException e) {
            // see above: the failing log stops the node from releasing anything
        }
    }

    /** The audit log's latest hash. */
    public String auditHead() {
        return audit.lastHash();
    }

    /** The datasets on offer: names, columns, column types, row counts and version digests. */
    public List<DatasetInfo> datasets() {
        List<DatasetInfo> infos = new ArrayList<>();
        datasets.forEach((key, table) -> infos.add(new DatasetInfo(key, table.columnNames(), table.columnNames().stream()
                .map(column -> table.columnType(column).alias()).toList(), table.rowCount(), datasetDigest(key))));
        infos.sort((a, b) -> a.name().compareTo(b.name()));
        return infos;
    }

    /** The datasets on offer, for a requester: checked against the authorised researchers and audited. */
    public List<DatasetInfo> datasets(Requester requester) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requester", bounded(requester.subject()));
        request.put("request", "list datasets");
        try {
            checkAuthorized(requester);
        } catch (NodeException e) {
            request.put("code", e.code().name());
            log("refusal", request);
            throw e;
        }
        log("list", request);
        return datasets();
    }

    /** Records a request the transport could not even read (malformed, unknown protocol version), then refuses. */
    public NodeException malformed(Requester requester, String what) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("requester", bounded(requester.subject()));
        entry.put("code", NodeException.Code.BAD_REQUEST.name());
        entry.put("reason", what);
        log("refusal", entry);
        return new NodeException(NodeException.Code.BAD_REQUEST, what);
    }

    /** Serves one round of an analysis; returns the site's signed release. */
    public SignedRelease handle(Requester requester, StepRequest request) {
        AnalysisSpec spec = request.spec();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("requester", bounded(requester.subject()));
        entry.put("analysis", bounded(spec.id()));
        entry.put("method", bounded(spec.method()));
        entry.put("dataset", bounded(spec.dataset()));
        entry.put("round", request.round());
        if (request.round() == 0) {
            // the specification as the researcher sent it, bounded before it is written
            entry.put("specSha256", spec.sha256());
            Map<String, Object> parameters = new LinkedHashMap<>();
            spec.parameters().entrySet().stream().limit(AnalysisSpec.MAX_PARAMETERS)
                    .forEach(p -> parameters.put(bounded(p.getKey()), bounded(p.getValue())));
            entry.put("parameters", parameters);
            entry.put("sites", spec.sites().stream().limit(AnalysisSpec.MAX_SITES).map(SiteNode::bounded).toList());
        }
        log("request", entry);
        try {
            return serve(requester, request, entry);
        } catch (NodeException e) {
            NodeException clean = new NodeException(e.code(), RefusalText.clean(messageOf(e), requestTexts(request),
                    publicNumbers()));
            Map<String, Object> refusal = new LinkedHashMap<>(entry);
            refusal.remove("parameters");
            refusal.remove("sites");
            refusal.remove("specSha256");
            refusal.put("code", clean.code().name());
            refusal.put("reason", bounded(messageOf(clean)));
            log("refusal", refusal);
            throw clean;
        }
    }

    private SignedRelease serve(Requester requester, StepRequest request, Map<String, Object> entry) {
        checkAuthorized(requester);
        AnalysisSpec spec = request.spec();
        try {
            spec.validate();
        } catch (IllegalArgumentException e) {
            throw new NodeException(NodeException.Code.BAD_REQUEST, e.getMessage());
        }
        if (request.round() < 0 || request.round() >= StepRequest.MAX_ROUNDS
                || request.transcript().size() != request.round()) {
            throw new NodeException(NodeException.Code.BAD_REQUEST, "round " + request.round() + " needs the signed "
                    + "releases of every earlier round, and an analysis has fewer than " + StepRequest.MAX_ROUNDS
                    + " rounds");
        }
        if (!spec.lists(name)) {
            throw new NodeException(NodeException.Code.BAD_REQUEST, "site '" + name + "' is not listed in the analysis");
        }
        Table data = datasets.get(spec.dataset());
        if (data == null) {
            throw new NodeException(NodeException.Code.UNKNOWN_DATASET, "no dataset '" + spec.dataset() + "'");
        }
        // the version the analysis pins for this site, checked before any code runs on the data: fail closed
        String pinned = spec.datasetDigests().get(name);
        String digest = datasetDigest(spec.dataset());
        if (pinned != null && !pinned.equals(digest)) {
            throw new NodeException(NodeException.Code.DATASET_CHANGED, "dataset '" + spec.dataset() + "' at site '"
                    + name + "' is not the version the analysis pins (its content digest differs: the data, the "
                    + "columns served or the site's version key changed); nothing computed");
        }
        entry.put("datasetDigest", digest);
        FederatedMethod method = methods.current(spec.method());
        if (method == null) {
            throw new NodeException(NodeException.Code.UNKNOWN_STEP, "no federated method '" + spec.method()
                    + "' is installed here");
        }
        AnalysisReplay.Next next;
        try {
            next = AnalysisReplay.next(method, spec, request.transcript(), identity.verifier(), allocator);
        } catch (AnalysisReplay.ReplayException e) {
            throw new NodeException(NodeException.Code.BAD_REQUEST, e.getMessage());
        } catch (LinkageError e) {
            // the method's bundle went away under the replay (its classes can no longer be loaded)
            if (!methods.contains(method)) {
                throw new NodeException(NodeException.Code.UNKNOWN_STEP, "federated method '" + spec.method()
                        + "' was withdrawn while the request ran; nothing released");
            }
            throw new NodeException(NodeException.Code.INTERNAL, "the federated method failed ("
                    + e.getClass().getSimpleName() + "); details are in the site's log");
        }
        if (!request.expectedArgumentsSha256().isEmpty()
                && !request.expectedArgumentsSha256().equals(next.argumentsSha256())) {
            throw new NodeException(NodeException.Code.BAD_REQUEST, "the evaluation point sent for round "
                    + request.round() + " is not the one this site computes from the analysis and its signed releases "
                    + "(rule evaluation-point)");
        }
        if (!next.sites().contains(name)) {
            throw new NodeException(NodeException.Code.BAD_REQUEST, "site '" + name + "' takes no part in round "
                    + request.round());
        }
        if (!allowList.allows(next.method())) {
            throw new NodeException(NodeException.Code.NOT_ALLOWED, "method '" + next.method() + "' is not on this "
                    + "site's allow-list");
        }
        SiteStep siteStep = steps.current(next.method());
        if (siteStep == null) {
            throw new NodeException(NodeException.Code.UNKNOWN_STEP, "method '" + next.method() + "' has no site step "
                    + "here");
        }
        checkArguments(next.arguments());
        entry.put("step", next.method() + "/" + next.step());
        byte[] bytes = evaluate(siteStep, next, spec.dataset(), data);
        synchronized (audit) {
            Map<String, Object> release = new LinkedHashMap<>(entry);
            release.remove("parameters");
            release.remove("sites");
            release.remove("specSha256");
            release.put("arguments", next.argumentsSha256());
            release.put("bytes", bytes.length);
            release.put("sha256", Aggregates.sha256(bytes));
            log("release", release);
            return identity.signer().sign(spec.id(), spec.sha256(), request.round(), next.method(), next.step(),
                    next.argumentsSha256(), bytes, audit.entries(), audit.lastHash());
        }
    }

    private byte[] evaluate(SiteStep siteStep, AnalysisReplay.Next next, String dataset, Table data) {
        try {
            ReleaseGuard guard = new ReleaseGuard(policy, RowSetLedger.datasetId(dataset, data),
                    data.rowCount(), ledger);
            Aggregates released = siteStep.run(next.step(), next.arguments(), data, guard);
            guard.commit();
            return released.toBytes(allocator);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new NodeException(NodeException.Code.INTERNAL, "the row-set ledger cannot be written; nothing released");
        } catch (DisclosureException e) {
            throw new NodeException(NodeException.Code.DISCLOSURE, e.getMessage());
        } catch (IllegalArgumentException e) {
            // the step's own validation (unknown column, bad value): its message names the argument
            throw new NodeException(NodeException.Code.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | LinkageError e) {
            if (!steps.contains(siteStep)) {
                // its bundle was stopped, updated or uninstalled while it ran: the step may have failed for that alone
                throw new NodeException(NodeException.Code.UNKNOWN_STEP, "method '" + next.method() + "' was withdrawn "
                        + "while the request ran; nothing released");
            }
            // anything else may carry data in its message: report the kind only
            throw new NodeException(NodeException.Code.INTERNAL, "the site step failed (" + e.getClass().getSimpleName()
                    + "); details are in the site's log");
        }
    }

    private void checkAuthorized(Requester requester) {
        if (requester.siteCertificate()) {
            throw new NodeException(NodeException.Code.NOT_ALLOWED, "a site's certificate cannot request analyses");
        }
        if (!anyStudyResearcher && !authorizedRequesters.contains(requester.commonName())) {
            throw new NodeException(NodeException.Code.NOT_ALLOWED, "the requester is not authorised for this site's "
                    + "studies");
        }
    }

    private void checkArguments(Map<String, Object> arguments) {
        long elements = 0;
        List<String> strings = new ArrayList<>();
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            strings.add(argument.getKey());
            Object value = argument.getValue();
            if (value instanceof List<?> list) {
                elements += list.size();
                list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(strings::add);
            } else if (value instanceof String text) {
                strings.add(text);
            }
        }
        if (elements > MAX_ARGUMENT_ELEMENTS) {
            throw new NodeException(NodeException.Code.BAD_REQUEST, "the step's arguments have more than "
                    + MAX_ARGUMENT_ELEMENTS + " list elements");
        }
        try {
            policy.checkStrings(strings);
        } catch (DisclosureException e) {
            throw new NodeException(NodeException.Code.BAD_REQUEST, e.getMessage());
        }
    }

    /** A request field as the audit log keeps it: at most 200 characters, longer ones cut and marked. */
    static String bounded(String value) {
        if (value == null || value.length() <= 200) {
            return value;
        }
        return value.substring(0, 64) + "...(" + value.length() + " characters, SHA-256 "
                + io.daybreak.federation.analysis.Canonical.sha256(value.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + ")";
    }

    private static String messageOf(NodeException e) {
        String prefix = e.code() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }

    private static List<String> requestTexts(StepRequest request) {
        AnalysisSpec spec = request.spec();
        List<String> texts = new ArrayList<>(List.of(spec.method(), spec.dataset(), Integer.toString(request.round())));
        texts.addAll(spec.sites());
        spec.parameters().forEach((key, value) -> {
            texts.add(key);
            texts.add(value);
        });
        return texts;
    }

    private Set<String> publicNumbers() {
        Set<String> numbers = new LinkedHashSet<>();
        for (Number threshold : List.<Number>of(policy.minCellCount(), policy.minSubsetSize(), policy.maxParameterRatio(),
                policy.maxFactorLevels(), policy.maxFactorLevelRatio(), policy.maxStringLength(),
                policy.minRiskSetSize())) {
            numbers.add(threshold.toString());
        }
        numbers.add(Integer.toString(StepRequest.MAX_ROUNDS));
        numbers.add(Integer.toString(MAX_ARGUMENT_ELEMENTS));
        numbers.add(Integer.toString(io.daybreak.federation.WorkLimits.MAX_COLUMNS));
        numbers.add(Long.toString(io.daybreak.federation.WorkLimits.MAX_VALUES));
        numbers.add(Long.toString(io.daybreak.federation.WorkLimits.MAX_CELLS));
        numbers.add(Integer.toString(AnalysisSpec.MAX_SITES));
        numbers.add(Integer.toString(AnalysisSpec.MAX_PARAMETERS));
        numbers.add(Integer.toString(AnalysisSpec.MAX_PARAMETER_LENGTH));
        numbers.add("1");
        numbers.add("0");
        return numbers;
    }

    private void log(String kind, Map<String, Object> fields) {
        try {
            audit.append(kind, fields);
        } catch (IOException e) {
            // a node that cannot audit must not release anything
            throw new NodeException(NodeException.Code.INTERNAL, "the audit log cannot be written; nothing released");
        }
    }
}
