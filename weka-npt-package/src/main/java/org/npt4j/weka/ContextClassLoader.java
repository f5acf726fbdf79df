package org.npt4j.weka;

import java.util.concurrent.Callable;

/**
 * Runs code with the thread context class loader set to the loader of npt4j's classes. Weka loads
 * a package's {@code lib/} jars in a class loader of its own, while DJL finds its engine and
 * native library through the context class loader; without the switch, DJL looks in Weka's loader
 * and finds nothing.
 *
 * <p>DJL starts its engine inside the first of these calls, so they also keep its start-up
 * messages off the console ({@link DjlLog}).
 */
public final class ContextClassLoader {

    private ContextClassLoader() {}

    /**
     * @param task the code that calls into DJL
     * @param <T> its result type
     * @return its result
     * @throws Exception whatever the task throws
     */
    public static <T> T call(Callable<T> task) throws Exception {
        DjlLog.quietStartupMessages();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ContextClassLoader.class.getClassLoader());
        try {
            return task.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
