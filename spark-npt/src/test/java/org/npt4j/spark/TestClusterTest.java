package org.npt4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** The test cluster is what the tests claim: executors in JVMs of their own, not threads of the driver. */
class TestClusterTest {

    @Test
    void tasksRunInTwoExecutorJvmsBesidesTheDriver() {
        try (JavaSparkContext sc = new JavaSparkContext(TestCluster.conf("test-cluster", 2, 1))) {
            List<Long> pids = sc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8).map(i -> {
                Thread.sleep(200);
                return ProcessHandle.current().pid();
            }).collect();
            Set<Long> executors = new HashSet<>(pids);
            assertFalse(executors.contains(ProcessHandle.current().pid()), "a task ran in the driver: " + pids);
            assertEquals(2, TestCluster.executorProcesses().size());
            assertEquals(2, executors.size(), "tasks should spread over both executors: " + pids);
        }
    }
}
