package org.npt4j.core.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * How PyTorch's OpenMP threads wait for work, chosen before libtorch loads, with the system
 * property {@value #PROPERTY}.
 *
 * <p>Why: a training step runs thousands of short parallel regions. Between them, by default,
 * libgomp's worker threads spin for up to 300,000 iterations (milliseconds) before they sleep.
 * Alone on the machine that saves a wake-up per region; beside anything else that wants the cores
 * (an IDE, a browser, a second JVM) a spinning worker holds a core the other work needs, and a
 * region cannot end until every worker got a time slice, so a step slowed down far more than the
 * machine's fair share. Sleeping at once ({@code OMP_WAIT_POLICY=PASSIVE}) fixes the busy case but
 * costs a wake-up per region alone: on 2 cores the CPU preset's step was about a fifth slower.
 * A short spin keeps the back-to-back regions of a step on spinning workers and lets an idle
 * worker give its core away within a fraction of a millisecond (measurements in
 * benchmarks/RESULTS.md).
 *
 * <ul>
 *   <li>{@code brief} (default): {@code GOMP_SPINCOUNT=}{@value #BRIEF_SPIN_COUNT} in the process
 *       environment, where libgomp reads it when libtorch loads;</li>
 *   <li>{@code passive}: {@code OMP_WAIT_POLICY=PASSIVE}, workers sleep at once;</li>
 *   <li>{@code system}: nothing changes; libgomp's default or the environment's settings apply.</li>
 * </ul>
 * In the first two modes a user who exported {@code OMP_WAIT_POLICY} or {@code GOMP_SPINCOUNT}
 * keeps their setting. It takes effect only if npt4j loads libtorch: an application that used
 * DJL's PyTorch engine before npt4j keeps whatever was in force then.
 */
public final class ThreadWaiting {

    /** The system property that selects the policy: {@code brief} (default), {@code passive} or {@code system}. */
    public static final String PROPERTY = "npt4j.threadWait";

    /** Spins before an idle worker sleeps in mode {@code brief}: a few hundred microseconds. */
    public static final String BRIEF_SPIN_COUNT = "10000";

    private static final Logger LOG = Logger.getLogger(ThreadWaiting.class.getName());
    private static volatile String applied = "not configured";

    private ThreadWaiting() {}

    /** Applies the policy named by {@value #PROPERTY}; called once, before the engine loads. */
    static synchronized void configure() {
        String mode = System.getProperty(PROPERTY, "brief").trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "system" -> applied = describeEnvironment("left to the environment");
            case "brief" -> applied = setUnlessUserChose("GOMP_SPINCOUNT", BRIEF_SPIN_COUNT);
            case "passive" -> applied = setUnlessUserChose("OMP_WAIT_POLICY", "PASSIVE");
            default -> throw new IllegalStateException("System property " + PROPERTY + "=" + mode
                    + " is not a thread-waiting policy; use 'brief', 'passive' or 'system'");
        }
        LOG.fine(() -> "OpenMP waiting: " + applied);
    }

    private static String setUnlessUserChose(String name, String value) {
        if (System.getenv("OMP_WAIT_POLICY") != null || System.getenv("GOMP_SPINCOUNT") != null) {
            return describeEnvironment("the user's");
        }
        return setenv(name, value) ? name + "=" + value + " (set by npt4j)" : describeEnvironment("could not be set");
    }

    /** @return the policy in force, e.g. {@code GOMP_SPINCOUNT=10000 (set by npt4j)}; for benchmark reports */
    public static String describe() {
        return applied;
    }

    private static String describeEnvironment(String how) {
        return "OMP_WAIT_POLICY=" + envOrUnset("OMP_WAIT_POLICY") + ", GOMP_SPINCOUNT=" + envOrUnset("GOMP_SPINCOUNT") + " ("
                + how + ")";
    }

    private static String envOrUnset(String name) {
        String v = System.getenv(name);
        return v == null ? "unset" : v;
    }

    /** Sets a variable in the C environment (which libgomp reads), not Java's copy of it. */
    private static boolean setenv(String name, String value) {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows")) {
            return false;
        }
        try {
            Function f = NativeLibrary.getInstance("c").getFunction("setenv");
            return f.invokeInt(new Object[] {name, value, 0}) == 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.fine(() -> "setenv unavailable: " + e);
            return false;
        }
    }
}
