package io.daybreak.federation.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.Sites;

/**
 * Sites in this process: each call goes through {@link SiteNode#handle} and the released bytes are decoded
 * again, so an in-process federated run uses exactly the releases a remote one would.
 */
public final class LocalSites implements Sites {
    private final Map<String, SiteNode> nodes;
    private final String dataset;
    private final String requester;
    private final BufferAllocator allocator;

    public LocalSites(List<SiteNode> nodes, String dataset, String requester, BufferAllocator allocator) {
        this.nodes = new LinkedHashMap<>();
        nodes.forEach(node -> this.nodes.put(node.name(), node));
        this.dataset = dataset;
        this.requester = requester;
        this.allocator = allocator;
    }

    @Override
    public List<String> names() {
        return List.copyOf(nodes.keySet());
    }

    @Override
    public Map<String, Aggregates> call(String method, String step, Map<String, Object> arguments) {
        Map<String, Aggregates> replies = new LinkedHashMap<>();
        nodes.forEach((name, node) -> {
            try {
                replies.put(name, Aggregates.fromBytes(node.handle(requester, method, step, dataset, arguments), allocator));
            } catch (NodeException e) {
                throw new SiteFailedException(name, e.getMessage());
            }
        });
        return replies;
    }

    @Override
    public Map<String, DatasetInfo> datasetInfo() {
        Map<String, DatasetInfo> infos = new LinkedHashMap<>();
        nodes.forEach((name, node) -> {
            try {
                infos.put(name, node.datasets(requester).stream().filter(d -> d.name().equals(dataset)).findFirst()
                        .orElseThrow(() -> new SiteFailedException(name, "offers no dataset '" + dataset + "'")));
            } catch (NodeException e) {
                throw new SiteFailedException(name, e.getMessage());
            }
        });
        return infos;
    }

    @Override
    public LocalSites only(List<String> names) {
        return new LocalSites(nodes.values().stream().filter(node -> names.contains(node.name())).toList(), dataset,
                requester, allocator);
    }
}
