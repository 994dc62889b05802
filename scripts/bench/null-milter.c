/* SPDX-License-Identifier: Apache-2.0
 *
 * A milter that does nothing, built on sendmail's libmilter (C): the cheapest milter there is.
 * scripts/bench-postfix.sh runs it (REFERENCE=MODE, one of the modes below) to measure what the milter
 * conversation itself costs Postfix, apart from any milter's own work. Benchmark tool only.
 *
 *   every       every step is sent and answered (libmilter's default)
 *   moat-steps  the steps Moat's default negotiation leaves answered: CONNECT, MAIL, RCPT, end of
 *               message; HELO, DATA, headers, end of headers and body are sent without a reply
 *   envelope    CONNECT, HELO, MAIL and RCPT as in moat-steps, then the end of message; no
 *               DATA, headers or body
 *   content     headers, end of headers and body without a reply, then the end of message; no
 *               CONNECT, HELO, MAIL, RCPT or DATA
 *   eom-only    only the end of message is sent (no CONNECT ... body at all)
 *
 * Build: cc -O2 -o null-milter null-milter.c -lmilter -lpthread   (Debian: libmilter-dev)
 * Run:   null-milter MODE inet:PORT@127.0.0.1
 */
#include <libmilter/mfapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long wanted;

static sfsistat on_negotiate(SMFICTX *ctx, unsigned long f0, unsigned long f1, unsigned long f2,
                             unsigned long f3, unsigned long *pf0, unsigned long *pf1,
                             unsigned long *pf2, unsigned long *pf3) {
    (void) ctx; (void) f0; (void) f2; (void) f3;
    *pf0 = 0;
    *pf1 = wanted & f1;
    *pf2 = 0;
    *pf3 = 0;
    return SMFIS_CONTINUE;
}
static sfsistat on_connect(SMFICTX *c, char *h, _SOCK_ADDR *a) { (void) c; (void) h; (void) a; return SMFIS_CONTINUE; }
static sfsistat on_helo(SMFICTX *c, char *h) { (void) c; (void) h; return SMFIS_CONTINUE; }
static sfsistat on_envfrom(SMFICTX *c, char **v) { (void) c; (void) v; return SMFIS_CONTINUE; }
static sfsistat on_envrcpt(SMFICTX *c, char **v) { (void) c; (void) v; return SMFIS_CONTINUE; }
static sfsistat on_header(SMFICTX *c, char *n, char *v) { (void) c; (void) n; (void) v; return SMFIS_CONTINUE; }
static sfsistat on_eoh(SMFICTX *c) { (void) c; return SMFIS_CONTINUE; }
static sfsistat on_body(SMFICTX *c, unsigned char *b, size_t l) { (void) c; (void) b; (void) l; return SMFIS_CONTINUE; }
static sfsistat on_eom(SMFICTX *c) { (void) c; return SMFIS_ACCEPT; }
static sfsistat on_data(SMFICTX *c) { (void) c; return SMFIS_CONTINUE; }

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: null-milter every|moat-steps|envelope|content|eom-only SOCKET\n");
        return 2;
    }
    struct smfiDesc desc;
    memset(&desc, 0, sizeof desc);
    desc.xxfi_name = "null-milter";
    desc.xxfi_version = SMFI_VERSION;
    desc.xxfi_eom = on_eom;
    if (strcmp(argv[1], "eom-only") == 0) {
        wanted = SMFIP_NOCONNECT | SMFIP_NOHELO | SMFIP_NOMAIL | SMFIP_NORCPT | SMFIP_NOBODY
               | SMFIP_NOHDRS | SMFIP_NOEOH | SMFIP_NOUNKNOWN | SMFIP_NODATA;
    } else {
        desc.xxfi_connect = on_connect;
        desc.xxfi_helo = on_helo;
        desc.xxfi_envfrom = on_envfrom;
        desc.xxfi_envrcpt = on_envrcpt;
        desc.xxfi_header = on_header;
        desc.xxfi_eoh = on_eoh;
        desc.xxfi_body = on_body;
        desc.xxfi_data = on_data;
        if (strcmp(argv[1], "moat-steps") == 0) {
            wanted = SMFIP_NR_HELO | SMFIP_NR_DATA | SMFIP_NR_HDR | SMFIP_NR_EOH | SMFIP_NR_BODY | SMFIP_NR_UNKN;
        } else if (strcmp(argv[1], "envelope") == 0) {
            wanted = SMFIP_NR_HELO | SMFIP_NODATA | SMFIP_NOHDRS | SMFIP_NOEOH | SMFIP_NOBODY | SMFIP_NOUNKNOWN;
        } else if (strcmp(argv[1], "content") == 0) {
            wanted = SMFIP_NOCONNECT | SMFIP_NOHELO | SMFIP_NOMAIL | SMFIP_NORCPT | SMFIP_NODATA | SMFIP_NOUNKNOWN
                   | SMFIP_NR_HDR | SMFIP_NR_EOH | SMFIP_NR_BODY;
        } else if (strcmp(argv[1], "every") == 0) {
            wanted = 0;
        } else {
            fprintf(stderr, "null-milter: unknown mode %s\n", argv[1]);
            return 2;
        }
    }
    desc.xxfi_negotiate = on_negotiate;
    if (smfi_setconn(argv[2]) == MI_FAILURE || smfi_register(desc) == MI_FAILURE) {
        fprintf(stderr, "null-milter: cannot listen on %s\n", argv[2]);
        return 1;
    }
    return smfi_main() == MI_SUCCESS ? 0 : 1;
}
