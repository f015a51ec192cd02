package io.daybreak.federation.site;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.analysis.ReleaseVerifier;
import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.SiteChannel;
import io.daybreak.federation.analysis.SiteConnections;
import io.daybreak.federation.analysis.SiteIdentity;

/**
 * Site nodes in this process, as one researcher reaches them: each round goes through {@link SiteNode#handle} with
 * the same specification, forwarded signed releases and checks as over the network, so an in-process analysis
 * uses exactly the releases a remote one would. The nodes are introduced to each other (each trusts the others'
 * in-process keys), as a study CA does for nodes on the network.
 */
public final class LocalSites implements SiteConnections {
    private final Map<String, SiteNode> nodes;
    private final String dataset;
    private final Requester requester;
    private final BufferAllocator allocator;

    public LocalSites(List<SiteNode> nodes, String dataset, String requester, BufferAllocator allocator) {
        this(nodes, dataset, Requester.researcher(requester), allocator);
    }

    public LocalSites(List<SiteNode> nodes, String dataset, Requester requester, BufferAllocator allocator) {
        this.nodes = new LinkedHashMap<>();
        nodes.forEach(node -> this.nodes.put(node.name(), node));
        this.dataset = dataset;
        this.requester = requester;
        this.allocator = allocator;
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        nodes.forEach(node -> keys.put(node.name(), node.identity().publicKey()));
        nodes.forEach(node -> node.identity().trust(keys));
    }

    @Override
    public List<String> names() {
        return List.copyOf(nodes.keySet());
    }

    @Override
    public String dataset() {
        return dataset;
    }

    @Override
    public Map<String, SiteChannel> channels() {
        Map<String, SiteChannel> channels = new LinkedHashMap<>();
        nodes.forEach((name, node) -> channels.put(name, new SiteChannel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Pending send(io.daybreak.federation.analysis.StepRequest request) {
                SignedRelease release;
                try {
                    release = node.handle(requester, request);
                } catch (NodeException e) {
                    SiteFailedException failure = new SiteFailedException(name, e.getMessage());
                    return () -> {
                        throw failure;
                    };
                }
                return () -> release;
            }
        }));
        return channels;
    }

    @Override
    public ReleaseVerifier verifier() {
        Map<String, SiteNode> all = nodes;
        return release -> {
            SiteNode node = all.get(release.site());
            if (node == null) {
                throw new ReleaseVerifier.ReleaseRejectedException("a release of a site that is not in this federation");
            }
            node.identity().verifier().verify(release);
        };
    }

    @Override
    public BufferAllocator allocator() {
        return allocator;
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

    /** The identity of each node, e.g. for a test that forges or replays releases. */
    public Map<String, SiteIdentity> identities() {
        Map<String, SiteIdentity> identities = new LinkedHashMap<>();
        nodes.forEach((name, node) -> identities.put(name, node.identity()));
        return identities;
    }
}
