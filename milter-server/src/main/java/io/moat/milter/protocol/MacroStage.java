// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

/**
 * The stages a milter may ask macros for with SETSYMLIST ({@code SMFIM_*}); the ordinal is the
 * wire value.
 */
public enum MacroStage {
    SMFIM_CONNECT,
    SMFIM_HELO,
    SMFIM_ENVFROM,
    SMFIM_ENVRCPT,
    SMFIM_DATA,
    SMFIM_EOM,
    SMFIM_EOH;

    public int wire() {
        return ordinal();
    }
}
