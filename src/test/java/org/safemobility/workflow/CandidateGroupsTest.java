package org.safemobility.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The inbox reads one candidate group per open task from the projection (open_task.candidate_group), so every user
 * task of the case process must be offered to exactly one group: the office's, or its supervisors'. A task offered
 * to two groups would show in one inbox only.
 */
class CandidateGroupsTest {

    @Test
    void every_user_task_is_offered_to_exactly_one_group_of_its_office() {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("workflows/smo-case.bpmn"));
        List<UserTask> tasks = List.copyOf(model.getModelElementsByType(UserTask.class));
        assertThat(tasks).isNotEmpty();
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.getCamundaCandidateUsers()).as(task.getId()).isNull();
            // the raw attribute: the model API's list splits "${office}-supervisors" at the dash
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isIn("${office}", "${office}-supervisors");
        });
    }
}
