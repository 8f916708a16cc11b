package org.safemobility.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An open user task of the case workflow, as queues count it and inboxes list it; kept in step with the engine by
 * task listeners.
 */
@Entity
@Table(name = "open_task")
public class OpenTask extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public String taskId;

    public String office;

    public String activity;

    /** The task's name as the model gives it. */
    public String name;

    /** The group the task is offered to: the office's code, or {@code <office>-supervisors}. */
    @Column(name = "candidate_group")
    public String candidateGroup;

    @Column(name = "case_id")
    public UUID caseId;

    public String assignee;

    public int priority;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "due_at")
    public Instant dueAt;
}
