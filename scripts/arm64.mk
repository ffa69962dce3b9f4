# scripts/arm64.mk: the front door with ARCH=arm64 (included by Makefile).
#
#   make ARCH=arm64                 the module for Debian's arm64 6.1 kernel
#                                   (build/arm64/kernel-6.1/kmod/hvcbench.ko),
#                                   the static arm64 CLI and kvm-hold
#                                   (build/arm64/)
#   make run ARCH=arm64 [EL2=stub|nvhe|protected] [CPU=cortex-a57|cortex-a72|max]
#                       [LAB_KERNEL=NAME]
#                                   the arm64 lab (restored from its
#                                   snapshot; COLD=1 boots cold):
#                                   measure, write results
#   make test ARCH=arm64            the arm64 lab tests (tests/arm64-tests)
#   make [run] ARCH=arm64 TREES="base=../linux-base patched=../linux"
#                                   also measure each tree's
#                                   arch/arm64/kernel/hyp-stub.S as a stub
#   make ARCH=arm64 KDIR=/lib/modules/$(uname -r)/build
#                                   on a board (native or with CROSS_COMPILE)
#
# Set-up (scripts/setup-arm64) runs by itself when the kernel is missing.

CACHE       := $(or $(HVCB_CACHE),$(CURDIR)/.cache)
LAB_KERNELS := $(shell awk '$$1 == "arm64" { print $$2 }' lab/kernels)
LAB_KERNEL  ?= $(firstword $(LAB_KERNELS))
EL2         ?= stub
CPU         ?= cortex-a57
$(if $(filter-out 1,$(words $(LAB_KERNEL))),$(error LAB_KERNEL is one of $(LAB_KERNELS) with ARCH=arm64))
$(if $(filter $(LAB_KERNEL),$(LAB_KERNELS)),,$(error LAB_KERNEL '$(LAB_KERNEL)' is not one of $(LAB_KERNELS) (ARCH=arm64)))
$(if $(filter-out 1,$(words $(EL2))),$(error EL2 is one of stub nvhe protected))
$(if $(filter $(EL2),stub nvhe protected),,$(error EL2 '$(EL2)' is not one of stub nvhe protected))
$(if $(filter-out 1,$(words $(CPU))),$(error CPU is one of cortex-a57 cortex-a72 max with ARCH=arm64))
$(if $(filter $(CPU),cortex-a57 cortex-a72 max),,$(error CPU '$(CPU)' is not one of cortex-a57 cortex-a72 max (ARCH=arm64)))
BUILD       := $(CURDIR)/build
A64         := $(BUILD)/arm64
DEFAULT_KDIR := $(CACHE)/arm64/kernel-$(LAB_KERNEL)/build
KDIR        ?= $(DEFAULT_KDIR)
ifeq ($(KDIR),$(DEFAULT_KDIR))
CROSS_COMPILE ?= aarch64-linux-gnu-
MOD_DIR     := $(A64)/kernel-$(LAB_KERNEL)/kmod
else
MOD_DIR     := $(A64)/board/kmod
endif
# Tree stubs (TREES=): scripts/trees.mk; kmod/Kbuild links
# $(MOD_DIR)/../build/trees/ when it is there.
TREES       ?=
TREE_DIR    := $(abspath $(MOD_DIR)/../build/trees)
NO_BUILD    := board host cli
TREE_ARCH   := arm64
TREE_SETUP  := $(if $(filter $(DEFAULT_KDIR),$(KDIR)),scripts/setup-arm64 --kernel $(LAB_KERNEL),true)
include scripts/trees.mk

HOSTCC      ?= cc
TARGET_CC   := $(CROSS_COMPILE)gcc
CFLAGS_USER := -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Werror \
	       -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2

CLI_DIRS    := $(patsubst bench/%/,%,$(sort $(dir $(wildcard bench/*/*.c))))
CLI_SRC     := $(wildcard bench/*.c bench/*/*.c)
CLI_HDR     := $(wildcard bench/*.h bench/*/*.h kmod/*.h)
CFLAGS_USER += $(addprefix -Ibench/,$(CLI_DIRS))
MOD_FILES   := $(filter-out %.mod.c,$(wildcard kmod/*.c kmod/*.h \
		 kmod/arch/*/*.[chS])) kmod/Kbuild
STUB_FILES  := $(wildcard stub/*/*.S stub/*/*.h stub/*.h) stub/registry
MOD_SRC     := $(MOD_FILES) $(STUB_FILES) $(wildcard scripts/stub-registry)

.PHONY: all deps module cli host run test board clean

all: module cli host

deps:
	@scripts/setup-arm64 --kernel $(LAB_KERNEL)

$(DEFAULT_KDIR)/Makefile:
	@scripts/setup-arm64 --kernel $(LAB_KERNEL)

module: $(MOD_DIR)/hvcbench.ko

# Kbuild's scripts/stub-registry: Debian's python3; ccache where it is
# installed (Debian's headers' own switch), as in the Makefile.
PYTHON3     ?= $(or $(wildcard /usr/bin/python3),python3)
ifeq ($(KDIR),$(DEFAULT_KDIR))
ifneq ($(shell command -v ccache),)
KBUILD_CCACHE := DEBIAN_KERNEL_USE_CCACHE=1
endif
endif

# Built from a copy of kmod/, stub/ and the registry's generator, so that
# the 32-bit module in kmod/ is left alone. Debian's arm64 6.12 headers
# ask for BTF of modules, which needs pahole and the kernel's vmlinux
# (not in the headers package): left out.
$(MOD_DIR)/hvcbench.ko: $(MOD_SRC) $(wildcard $(TREE_DIR)/trees.S $(TREE_DIR)/trees.reg) \
		| $(KDIR)/Makefile
	@mkdir -p $(MOD_DIR)
	@cp -p --parents $(MOD_SRC) $(MOD_DIR)/..
	CCACHE_DIR=$(CACHE)/ccache CCACHE_DEPEND=1 $(MAKE) -s -C $(KDIR) M=$(MOD_DIR) ARCH=arm64 \
		CROSS_COMPILE=$(CROSS_COMPILE) $(KBUILD_CCACHE) PYTHON3=$(PYTHON3) \
		CONFIG_DEBUG_INFO_BTF_MODULES= modules

cli: $(A64)/hvcbench $(A64)/kvm-hold

$(A64)/hvcbench: $(CLI_SRC) $(CLI_HDR) | $(KDIR)/Makefile
	@mkdir -p $(@D)
	$(TARGET_CC) $(CFLAGS_USER) -static -o $@ $(CLI_SRC) -lyaml -lm

$(A64)/kvm-hold: lab/kvm-hold.c | $(KDIR)/Makefile
	@mkdir -p $(@D)
	$(TARGET_CC) $(CFLAGS_USER) -static -o $@ lab/kvm-hold.c

host: $(BUILD)/host/hvcbench

$(BUILD)/host/hvcbench: $(CLI_SRC) $(CLI_HDR)
	@mkdir -p $(@D)
	$(HOSTCC) $(CFLAGS_USER) -o $@ $(CLI_SRC) -lyaml -lm

# One make run of a checkout at a time (build/run.lock), as without
# ARCH=arm64: the lab's snapshots are the checkout's.
ifeq ($(if $(HVCB_RUN_LOCKED),,1),1)
run:
	@mkdir -p $(BUILD)
	@{ flock -n 9 || { echo "run: another make run of this checkout is under way: waiting for it" >&2; \
		flock 9; }; $(MAKE) --no-print-directory run HVCB_RUN_LOCKED=1; } 9>$(BUILD)/run.lock
else
# Set-up first; lab-run builds (make all) while the lab restores; only
# shown under make -n, -q or -t (the line holds $(MAKE); DRY_RUN: the
# Makefile).
run: | $(KDIR)/Makefile
	@$(if $(DRY_RUN),echo) HVCB_MAKE='$(MAKE)' ARCH=arm64 LAB_KERNEL=$(LAB_KERNEL) EL2=$(EL2) CPU=$(CPU) COLD=$(COLD) scripts/lab-run
endif

test: all
	@tests/arm64-tests

# Not on arm64 yet: scripts/board/run says so in one line.
board:
	@scripts/board/run --arch arm64 --check

clean:
	rm -rf $(A64)
