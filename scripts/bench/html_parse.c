/* The libxml2 reference of `make bench`: parse-only throughput of Debian's libxml2 HTML parser on
 * the same pages qawl reads. Input: the length-prefixed payload file make_inputs.py writes (a
 * 4-byte little-endian length, then the bytes, per page). Each page is parsed into a tree with
 * htmlReadMemory (recover mode, no network, no error output) and freed; nothing else is done.
 * Reading the payload file into memory is outside the timed loop. Prints: pages bytes seconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/HTMLparser.h>

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: html_parse PAYLOADS.bin\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *all = malloc(size > 0 ? size : 1);
    if (!all || fread(all, 1, size, f) != (size_t)size) { fprintf(stderr, "%s: short read\n", argv[1]); return 1; }
    fclose(f);
    xmlInitParser();
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long pages = 0, bytes = 0, pos = 0;
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    while (pos + 4 <= size) {
        unsigned len = all[pos] | all[pos + 1] << 8 | all[pos + 2] << 16 | (unsigned)all[pos + 3] << 24;
        pos += 4;
        if (pos + (long)len > size) break;
        htmlDocPtr doc = htmlReadMemory((const char *)all + pos, (int)len, NULL, NULL, options);
        if (doc) xmlFreeDoc(doc);
        pos += len;
        pages++;
        bytes += len;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%ld %ld %.3f\n", pages, bytes, (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
    free(all);
    return 0;
}
