// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import io.moat.cli.ExitCodes;
import io.moat.cli.OutputOptions;
import io.moat.store.SchemaMode;
import io.moat.store.Store;
import io.moat.store.StoreException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the store: opens it, runs, closes it, and turns failures into exit
 * codes: a store or user failure prints {@code moat: MESSAGE} and exits 1, a bad value exits 2,
 * never with a stack trace.
 */
public abstract class StoreSubcommand implements Callable<Integer> {
    @Mixin
    protected StoreOptions storeOptions;

    @Mixin
    protected OutputOptions output;

    @Spec
    protected CommandSpec spec;

    /** The time source for the store and for retention cut-offs. */
    protected Clock clock = Clock.systemUTC();

    /** What opening does about the schema; most commands need it current. */
    protected SchemaMode schema() {
        return SchemaMode.REQUIRE_CURRENT;
    }

    /** Does the work; returns an {@link ExitCodes} value. */
    protected abstract int run(Store store, Printer out);

    @Override
    public Integer call() {
        Printer out = new Printer(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
        try (Store store = Store.open(storeOptions.store(schema()), clock)) {
            return run(store, out);
        } catch (StoreException | CliException e) {
            out.error(e.getMessage());
            return ExitCodes.FAILED;
        } catch (IllegalArgumentException e) {
            out.error(e.getMessage());
            out.err().println("Try '" + spec.qualifiedName() + " --help'.");
            out.err().flush();
            return ExitCodes.USAGE;
        }
    }
}
