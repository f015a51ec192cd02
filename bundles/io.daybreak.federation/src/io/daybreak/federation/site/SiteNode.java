package io.daybreak.federation.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.ledger.RowSetLedger;
import io.daybreak.federation.policy.DisclosureException;
import io.daybreak.federation.policy.DisclosurePolicy;

/**
 * The transport-independent core of a site node: it owns the site's datasets, serves only the methods on
 * its allow-list, runs their site steps, checks what they release against its disclosure policy, and logs
 * every request, release and refusal to its audit log before answering. The bytes it returns are exactly
 * the bytes logged (by size and SHA-256). A failing step never takes the node down: it becomes a
 * {@link NodeException} with a code and a message without data.
 */
public final class SiteNode {
    /** Largest argument list accepted (elements across all list arguments). */
    static final int MAX_ARGUMENT_ELEMENTS = 100_000;

    private final String name;
    private final Map<String, Table> datasets;
    private final Set<String> allowedMethods;
    private final Map<String, SiteStep> steps;
    private final DisclosurePolicy policy;
    private final AuditLog audit;
    private final BufferAllocator allocator;
    private final RowSetLedger ledger;
    /** Certificate common names allowed to run steps; empty: anyone the study CA certified. */
    private volatile Set<String> authorizedRequesters = Set.of();

    /** A node whose row-set ledger lives in memory only (tests): differencing is checked within its lifetime. */
    public SiteNode(String name, Map<String, Table> datasets, Set<String> allowedMethods, List<SiteStep> steps,
            DisclosurePolicy policy, AuditLog audit, BufferAllocator allocator) {
        this(name, datasets, allowedMethods, steps, policy, audit, allocator, RowSetLedger.inMemory());
    }

    /** @param ledger the row sets of the node's earlier answers (the caller opens and closes it) */
    public SiteNode(String name, Map<String, Table> datasets, Set<String> allowedMethods, List<SiteStep> steps,
            DisclosurePolicy policy, AuditLog audit, BufferAllocator allocator, RowSetLedger ledger) {
        this.ledger = ledger;
        this.name = name;
        this.datasets = Map.copyOf(datasets);
        this.allowedMethods = Set.copyOf(allowedMethods);
        this.steps = new LinkedHashMap<>();
        steps.forEach(step -> this.steps.put(step.method(), step));
        this.policy = policy;
        this.audit = audit;
        this.allocator = allocator;
    }

    public String name() {
        return name;
    }

    /**
     * Restricts the node to these researchers (certificate common names, e.g. "alice"): a study's data
     * custodian authorises people, not just the CA that certified them. Empty: anyone the CA certified.
     */
    public void authorize(Set<String> commonNames) {
        this.authorizedRequesters = Set.copyOf(commonNames);
    }

    /** The audit log's latest hash, sent with every release so a truncated log can be detected. */
    public String auditHead() {
        return audit.lastHash();
    }

    /** The datasets on offer: names, columns, column types and row counts. */
    public List<DatasetInfo> datasets() {
        List<DatasetInfo> infos = new ArrayList<>();
        datasets.forEach((key, table) -> infos.add(new DatasetInfo(key, table.columnNames(), table.columnNames().stream()
                .map(column -> table.columnType(column).alias()).toList(), table.rowCount())));
        infos.sort((a, b) -> a.name().compareTo(b.name()));
        return infos;
    }

    /** The datasets on offer, for a requester: checked against the authorised researchers and audited. */
    public List<DatasetInfo> datasets(String requester) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requester", requester);
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

    /** Serves one step; returns the released bytes (an Arrow IPC stream of {@link Aggregates}). */
    public byte[] handle(String requester, String method, String step, String dataset, Map<String, Object> arguments) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requester", requester);
        request.put("method", method);
        request.put("step", step);
        request.put("dataset", dataset);
        log("request", request);
        try {
            byte[] bytes = run(requester, method, step, dataset, arguments);
            Map<String, Object> release = new LinkedHashMap<>(request);
            release.put("bytes", bytes.length);
            release.put("sha256", Aggregates.sha256(bytes));
            log("release", release);
            return bytes;
        } catch (NodeException e) {
            Map<String, Object> refusal = new LinkedHashMap<>(request);
            refusal.put("code", e.code().name());
            refusal.put("reason", e.getMessage());
            log("refusal", refusal);
            throw e;
        }
    }

    private void checkAuthorized(String requester) {
        if (!authorizedRequesters.isEmpty() && !authorizedRequesters.contains(commonName(requester))) {
            throw new NodeException(NodeException.Code.NOT_ALLOWED, "requester '" + requester + "' is not authorised "
                    + "for this site's studies");
        }
    }

    private byte[] run(String requester, String method, String step, String dataset, Map<String, Object> arguments) {
        checkAuthorized(requester);
        if (!allowedMethods.contains(method)) {
            throw new NodeException(NodeException.Code.NOT_ALLOWED, "method '" + method + "' is not on this site's "
                    + "allow-list");
        }
        SiteStep siteStep = steps.get(method);
        if (siteStep == null) {
            throw new NodeException(NodeException.Code.UNKNOWN_STEP, "method '" + method + "' has no site step here");
        }
        Table data = datasets.get(dataset);
        if (data == null) {
            throw new NodeException(NodeException.Code.UNKNOWN_DATASET, "no dataset '" + dataset + "'");
        }
        checkArguments(arguments);
        try {
            ReleaseGuard guard = new ReleaseGuard(policy, RowSetLedger.datasetId(dataset, data), data.rowCount(), ledger);
            Aggregates released = siteStep.run(step, arguments, data, guard);
            guard.commit();
            return released.toBytes(allocator);
        } catch (IOException e) {
            throw new NodeException(NodeException.Code.INTERNAL, "the row-set ledger cannot be written; nothing released");
        } catch (DisclosureException e) {
            throw new NodeException(NodeException.Code.DISCLOSURE, e.getMessage());
        } catch (IllegalArgumentException e) {
            // the step's own validation (unknown column, bad value): its message names the argument
            throw new NodeException(NodeException.Code.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            // anything else may carry data in its message: report the kind only
            throw new NodeException(NodeException.Code.INTERNAL, "the site step failed (" + e.getClass().getSimpleName()
                    + "); details are in the site's log");
        }
    }

    /** The CN of an X.500 name such as "CN=alice,O=Daybreak", or the whole name if it has none. */
    static String commonName(String requester) {
        for (String part : requester.split(",")) {
            String trimmed = part.strip();
            if (trimmed.regionMatches(true, 0, "CN=", 0, 3)) {
                return trimmed.substring(3);
            }
        }
        return requester;
    }

    private void checkArguments(Map<String, Object> arguments) {
        int elements = 0;
        List<String> strings = new ArrayList<>();
        for (Map.Entry<String, Object> entry : arguments.entrySet()) {
            strings.add(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof List<?> list) {
                elements += list.size();
                list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(strings::add);
            } else if (value instanceof String text) {
                strings.add(text);
            } else if (!(value instanceof Number || value instanceof Boolean)) {
                throw new NodeException(NodeException.Code.BAD_REQUEST, "argument '" + entry.getKey()
                        + "' must be a number, string, boolean or list");
            }
        }
        if (elements > MAX_ARGUMENT_ELEMENTS) {
            throw new NodeException(NodeException.Code.BAD_REQUEST, "arguments have " + elements + " list elements; "
                    + "allowed: at most " + MAX_ARGUMENT_ELEMENTS);
        }
        try {
            policy.checkStrings(strings);
        } catch (DisclosureException e) {
            throw new NodeException(NodeException.Code.BAD_REQUEST, e.getMessage());
        }
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
