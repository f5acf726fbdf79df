package org.npt4j.experiments;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.npt4j.experiments.score.Task;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Reads a trainer's output type from its class's generic signature, so that an experiment can refuse
 * an XGBoost classifier on a regression response when the configuration loads, not an hour into the
 * run. Trainers whose signature does not say (wrappers such as {@code TransformTrainer<T>}) are not
 * checked here.
 */
final class TrainerTasks {

    private TrainerTasks() {}

    /** @return the task the trainer's class is written for, or null if its signature does not say */
    static Task taskOf(Trainer<?> trainer) {
        for (Class<?> c = trainer.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Task t = fromType(c.getGenericSuperclass());
            if (t != null) {
                return t;
            }
            for (Type i : c.getGenericInterfaces()) {
                t = fromType(i);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    private static Task fromType(Type type) {
        if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                if (arg == Label.class) {
                    return Task.CLASSIFICATION;
                }
                if (arg == Regressor.class) {
                    return Task.REGRESSION;
                }
            }
        }
        return null;
    }
}
