# scripts/trees.mk: make TREES="NAME=PATH ...", for the Makefile and
# scripts/arm64.mk.
#
# scripts/tree-stub checks TREES and writes $(TREE_DIR) (an empty table
# without TREES) before anything is built; the module links it. Bad input
# stops make right here: one line, exit 2, nothing built. `make run` takes
# build/run.lock and runs itself again under it: its build (make all,
# while the lab restores: scripts/lab-run) checks TREES. Goals that build
# nothing of the module ($(NO_BUILD)) leave $(TREE_DIR) alone: another
# make's TREES may be using it.
#
# In: TREES, TREE_ARCH (arm or arm64), TREE_DIR, KDIR, CROSS_COMPILE,
# TREE_SETUP (what makes a missing lab KDIR; `true` for a board's), NO_BUILD.
ifeq ($(filter clean deps run,$(MAKECMDGOALS)),)
ifneq ($(filter-out $(NO_BUILD),$(or $(MAKECMDGOALS),all)),)
ifneq ($(TREES),)
ifeq ($(wildcard $(KDIR)/Makefile),)
$(shell $(TREE_SETUP) >&2)
endif
endif
# TREES reaches tree-stub as one single-quoted word: no shell reads it.
TREE_OUT    := $(shell scripts/tree-stub --arch $(TREE_ARCH) --kdir '$(KDIR)' \
		 --cross '$(CROSS_COMPILE)' --out '$(TREE_DIR)' \
		 --trees '$(subst ','\'',$(TREES))' 3>&2 2>&1 1>&3; \
		 echo "tree-stub-exit=$$?")
TREE_ERR    := $(filter-out tree-stub-exit=%,$(TREE_OUT))
$(if $(TREE_ERR),$(error $(TREE_ERR)))
$(if $(filter tree-stub-exit=0,$(TREE_OUT)),,$(error tree-stub failed: $(TREE_OUT)))
endif
endif
