package org.safemobility.workflow;

import java.util.Set;

/**
 * Where inboxes are listed from: a projection of the case process's open user tasks, kept from {@link UserTaskEvent}s
 * in the transaction of each change, with the candidate group as a column. The engine's own task query joins its
 * identity links and sorts every task of the caller's groups before it pages; the projection answers a page from an
 * index per group. The capability that keeps the projection implements this (supervision: its queue table).
 */
public interface OpenTaskIndex {

    /** A page of the open tasks offered to any of {@code groups}, in {@link CaseTasks#list} order, and the total. */
    CaseTasks.Page list(Set<String> groups, CaseTasks.Filter filter, int page, int size);
}
