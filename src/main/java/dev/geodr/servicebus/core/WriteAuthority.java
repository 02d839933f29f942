package dev.geodr.servicebus.core;

import java.util.Optional;

/**
 * Which operator may write to Azure for one resource when operators in several clusters see it. The
 * resource's spec may name the writer cluster; each operator knows the name of the cluster it runs
 * in (its setting {@code geodr.cluster-name}). Only the named cluster's operator writes; every
 * other one observes. A spec that names no writer keeps the single-cluster behaviour: whoever sees
 * it writes.
 *
 * @param writerCluster the cluster the spec names, empty when it names none
 * @param thisCluster the cluster this operator runs in, empty when its setting is not given
 */
public record WriteAuthority(Optional<String> writerCluster, Optional<String> thisCluster) {

    /** The operator setting that names the cluster, as the messages cite it. */
    public static final String CLUSTER_SETTING = "geodr.cluster-name";

    public static WriteAuthority of(String writerCluster, Optional<String> thisCluster) {
        return new WriteAuthority(
                Optional.ofNullable(writerCluster).filter(s -> !s.isBlank()), thisCluster);
    }

    /** A single cluster: no writer named, so this operator writes. */
    public static WriteAuthority single() {
        return new WriteAuthority(Optional.empty(), Optional.empty());
    }

    /**
     * Whether this operator may send PUT, POST (other than reading keys) and DELETE. An operator
     * whose own cluster name is not set never matches a named writer: it cannot know it is the one.
     */
    public boolean mayWrite() {
        return writerCluster.isEmpty() || writerCluster.equals(thisCluster);
    }

    /** "cluster east", or "this operator (no geodr.cluster-name set)". */
    public String thisClusterLabel() {
        return thisCluster
                .map(c -> "this operator (cluster " + c + ")")
                .orElse("this operator (no " + CLUSTER_SETTING + " set)");
    }

    /** The writer as a message names it; only meaningful when one is named. */
    public String writerLabel() {
        return "cluster " + writerCluster.orElse("?");
    }
}
