// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;

/**
 * Whatever valid command the MTA may send and whatever valid reply Moat may write survive the
 * wire unchanged: {@code decode(encode(x)) == x}, through the frame reader as on a socket.
 */
class CodecRoundTripProperties {

    @Property(tries = 2000)
    void everyCommandSurvivesEncodeThenDecode(@ForAll("commands") Command command) throws Exception {
        byte[] wire = FrameWriter.toBytes(List.of(CommandEncoder.encode(command)));
        Frame frame = new FrameReader(new ByteArrayInputStream(wire), 1 << 20).read();

        assertThat(frame).isNotNull();
        assertThat(CommandDecoder.decode(frame)).isEqualTo(command);
    }

    @Property(tries = 2000)
    void everyResponseSurvivesEncodeThenDecode(@ForAll("responses") Response response) throws Exception {
        byte[] wire = FrameWriter.toBytes(List.of(ResponseEncoder.encode(response)));
        Frame frame = new FrameReader(new ByteArrayInputStream(wire), 1 << 20).read();

        assertThat(frame).isNotNull();
        assertThat(ResponseDecoder.decode(frame)).isEqualTo(response);
    }

    // --- commands -------------------------------------------------------------------------

    @Provide
    Arbitrary<Command> commands() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers())
                        .as(Command.OptNeg::new),
                Combinators.combine(Arbitraries.chars().range((char) 0, (char) 255),
                                Arbitraries.maps(wireText(), wireText()).ofMaxSize(6))
                        .as(Command.Macro::new),
                connects(),
                wireText().map(Command.Helo::new),
                Combinators.combine(wireText(), wireText().list().ofMaxSize(4)).as(Command.Mail::new),
                Combinators.combine(wireText(), wireText().list().ofMaxSize(4)).as(Command.Rcpt::new),
                Arbitraries.just(new Command.Data()),
                Combinators.combine(wireText().ofMinLength(1), wireText()).as(Command.Header::new),
                Arbitraries.just(new Command.EndOfHeaders()),
                bytes().map(Command.Body::new),
                bytes().map(Command.EndOfMessage::new),
                Arbitraries.just(new Command.Abort()),
                wireText().map(Command.Unknown::new),
                Arbitraries.just(new Command.Quit()),
                Arbitraries.just(new Command.QuitNewConnection())));
    }

    private static Arbitrary<Command> connects() {
        Arbitrary<Command> known = Combinators.combine(wireText(),
                        Arbitraries.of(Command.Family.SMFIA_INET, Command.Family.SMFIA_INET6, Command.Family.SMFIA_UNIX),
                        Arbitraries.integers().between(0, 0xffff), wireText())
                .as(Command.Connect::new);
        Arbitrary<Command> unknown = wireText().map(h -> new Command.Connect(h, Command.Family.SMFIA_UNKNOWN, 0, ""));
        return Arbitraries.oneOf(known, unknown);
    }

    /** Any byte but NUL, as ISO-8859-1 characters: what a NUL-terminated string can carry. */
    private static StringArbitrary wireText() {
        return Arbitraries.strings().withCharRange((char) 1, (char) 255).ofMaxLength(40);
    }

    private static Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    // --- responses ------------------------------------------------------------------------

    @Provide
    Arbitrary<Response> responses() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.of(new Response.Accept(), new Response.Continue(), new Response.Discard(),
                        new Response.Reject(), new Response.TempFail(), new Response.Skip(),
                        new Response.Progress(), new Response.Shutdown(), new Response.ConnFail()),
                optionsReplies(),
                replyCodes(),
                Combinators.combine(headerNames(), headerValues()).as(Response.AddHeader::new),
                Combinators.combine(Arbitraries.integers().greaterOrEqual(0), headerNames(), headerValues())
                        .as(Response.InsertHeader::new),
                Combinators.combine(Arbitraries.integers().greaterOrEqual(1), headerNames(), headerValues())
                        .as(Response.ChangeHeader::new),
                bytes().map(Response.ReplaceBody::new),
                lineText().map(Response.AddRecipient::new),
                Combinators.combine(lineText(), esmtpArgs()).as(Response.AddRecipientPar::new),
                lineText().map(Response.DeleteRecipient::new),
                Combinators.combine(lineText(), esmtpArgs()).as(Response.ChangeFrom::new),
                lineText().map(Response.Quarantine::new)));
    }

    private static Arbitrary<Response> optionsReplies() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers(),
                        Arbitraries.maps(Arbitraries.of(MacroStage.class), lineText()).ofMaxSize(7))
                .as(Response.OptionsReply::new);
    }

    private static Arbitrary<Response> replyCodes() {
        Arbitrary<Integer> klass = Arbitraries.of(4, 5);
        return Combinators.combine(klass, Arbitraries.integers().between(0, 99), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999),
                        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80))
                .as((k, rest, enhanced, sub, detail, text) -> Response.ReplyCode.of(k * 100 + rest,
                        enhanced ? k + "." + sub + "." + detail : "", text));
    }

    private static Arbitrary<String> headerNames() {
        return Arbitraries.strings().withCharRange('!', '~').excludeChars(':').ofMinLength(1).ofMaxLength(30);
    }

    /** No NUL or CR; a LF only when it folds (followed by a space or tab). */
    private static Arbitrary<String> headerValues() {
        Arbitrary<String> piece = Arbitraries.strings().withCharRange((char) 1, (char) 255)
                .excludeChars('\r', '\n').ofMaxLength(30);
        return Combinators.combine(piece, Arbitraries.of("", "\n ", "\n\t"), piece).as((a, fold, b) -> a + fold + b);
    }

    /** No NUL, CR or LF. */
    private static StringArbitrary lineText() {
        return Arbitraries.strings().withCharRange((char) 1, (char) 255).excludeChars('\r', '\n').ofMaxLength(40);
    }

    /** ESMTP parameters: non-empty words, sent space-separated in one string. */
    private static Arbitrary<List<String>> esmtpArgs() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20).list().ofMaxSize(3);
    }
}
