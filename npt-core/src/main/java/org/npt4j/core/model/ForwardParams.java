package org.npt4j.core.model;

import ai.djl.util.PairList;
import java.util.ArrayList;

/** Forward parameters handed to one child block with one more entry, leaving the caller's list as it was. */
final class ForwardParams {

    private ForwardParams() {}

    /**
     * DJL's {@code PairList(keys, values)} wraps the lists it is given, so adding to such a "copy"
     * would add to the caller's parameters too, and every later layer would see the entry.
     *
     * @param params the caller's parameters, or null
     * @param key the added key
     * @param value its value
     * @return a new list: {@code params} followed by the entry
     */
    static PairList<String, Object> with(PairList<String, Object> params, String key, Object value) {
        PairList<String, Object> out = params == null ? new PairList<>()
                : new PairList<>(new ArrayList<>(params.keys()), new ArrayList<>(params.values()));
        out.add(key, value);
        return out;
    }
}
