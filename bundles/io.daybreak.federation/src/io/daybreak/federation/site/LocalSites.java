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
    public Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        nodes.forEach((name, node) -> sizes.put(name, node.datasets().stream().filter(d -> d.name().equals(dataset))
                .mapToLong(DatasetInfo::rows).findFirst().orElse(0)));
        return sizes;
    }
}
