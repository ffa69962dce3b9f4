# hvcbench: the front door.
#
#   make            the module (kmod/hvcbench.ko) and the CLI (bench/hvcbench)
#   make run        set up, build, boot the QEMU lab, measure, write results
#   make test       host unit tests and QEMU tests: "N passed, N failed"
#   make deps       install/fetch what is missing (Debian archive only)
#   make plot       plots and cover letter for results/latest (or RESULTS=dir)
#   make lint       checkpatch --strict, sparse, -Werror user space
#   make fuzz       the spec parser and result readers under libFuzzer
#   make bench-self phase timings of `make run`
#
#   make [run] TREES="base=../linux-base patched=../linux"
#                   also measure each tree's arch/arm/kernel/hyp-stub.S as a
#                   stub NAME (NAME=PATH:zimage: the decompressor's copy)
#
# By default everything is built against Debian's armmp-lpae kernel headers,
# fetched into .cache/. On a board: make KDIR=/lib/modules/$(uname -r)/build

CACHE       := $(or $(HVCB_CACHE),$(CURDIR)/.cache)
DEFAULT_KDIR := $(CACHE)/kernel/build
KDIR        ?= $(DEFAULT_KDIR)
ifeq ($(KDIR),$(DEFAULT_KDIR))
CROSS_COMPILE ?= arm-linux-gnueabihf-
endif
ARCH        ?= arm
HOSTCC      ?= cc
TARGET_CC   := $(CROSS_COMPILE)gcc
CFLAGS_USER := -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Werror \
	       -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
BUILD       := $(CURDIR)/build

# Tree stubs: scripts/tree-stub checks TREES and writes build/trees/ (an
# empty table without TREES) before anything is built; the module links
# it. Bad input stops make right here: one line, exit 2, nothing built.
TREES       ?=
ifeq ($(filter clean deps,$(MAKECMDGOALS)),)
ifneq ($(TREES),)
ifeq ($(wildcard $(KDIR)/Makefile),)
$(shell scripts/setup-deps >&2)
endif
endif
# TREES reaches tree-stub as one single-quoted word: no shell reads it.
TREE_OUT    := $(shell scripts/tree-stub --kdir '$(KDIR)' --cross '$(CROSS_COMPILE)' \
		 --out '$(BUILD)/trees' --trees '$(subst ','\'',$(TREES))' 3>&2 2>&1 1>&3; \
		 echo "tree-stub-exit=$$?")
TREE_ERR    := $(filter-out tree-stub-exit=%,$(TREE_OUT))
$(if $(TREE_ERR),$(error $(TREE_ERR)))
$(if $(filter tree-stub-exit=0,$(TREE_OUT)),,$(error tree-stub failed: $(TREE_OUT)))
endif

CLI_SRC     := $(wildcard bench/*.c)
CLI_HDR     := $(wildcard bench/*.h) kmod/spec.h
MOD_SRC     := $(wildcard kmod/*.c kmod/*.h kmod/*.S kmod/Kbuild stub/*.S stub/*.h \
		 $(BUILD)/trees/trees.[Sh])

.PHONY: all deps module cli host run test test-host test-qemu plot lint \
	fuzz bench-self clean

all: module cli host

deps:
	@scripts/setup-deps

# Set-up runs by itself when the default kernel tree is missing.
$(DEFAULT_KDIR)/Makefile:
	@scripts/setup-deps

module: kmod/hvcbench.ko

kmod/hvcbench.ko: $(MOD_SRC) | $(KDIR)/Makefile
	$(MAKE) -s -C $(KDIR) M=$(CURDIR)/kmod ARCH=$(ARCH) \
		CROSS_COMPILE=$(CROSS_COMPILE) modules

# The CLI: static, for the board and the lab's initramfs.
cli: bench/hvcbench

bench/hvcbench: $(CLI_SRC) $(CLI_HDR) | $(KDIR)/Makefile
	$(TARGET_CC) $(CFLAGS_USER) -static -o $@ $(CLI_SRC) -lm

# The same CLI for the host, for unit tests.
host: $(BUILD)/host/hvcbench

$(BUILD)/host/hvcbench: $(CLI_SRC) $(CLI_HDR)
	@mkdir -p $(@D)
	$(HOSTCC) $(CFLAGS_USER) -o $@ $(CLI_SRC) -lm

run: all
	@scripts/lab-run

test: all
	@tests/run

plot:
	@scripts/plot $(or $(RESULTS),results/latest)
	@scripts/cover-letter $(or $(RESULTS),results/latest) \
		>$(or $(RESULTS),results/latest)/cover-letter.txt

lint: all
	@scripts/lint

fuzz:
	@scripts/fuzz $(or $(FUZZ_RUNS),1000000)

bench-self:
	@scripts/bench-self

clean:
	-$(MAKE) -s -C $(KDIR) M=$(CURDIR)/kmod ARCH=$(ARCH) clean 2>/dev/null
	rm -f stub/*.o stub/.*.cmd bench/hvcbench
	rm -rf $(BUILD)
