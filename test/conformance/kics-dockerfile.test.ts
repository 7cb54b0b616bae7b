// Conformance against the KICS Dockerfile corpus (../shared/corpus/kics/dockerfile, optional: see
// ../shared/corpus/README.md). For every KICS query that maps to a Containment rule, the rule must
// fire on every line KICS expects in the positive files and never in the negative files, except
// where we deliberately disagree with KICS (KNOWN_DIFFERENCES, each with its reason). Queries out
// of Containment's scope are listed in UNMAPPED with the reason. The test prints a table.

import { join } from 'node:path';
import type { Instr } from '../../server/src/core/model/image';
import { CORPUS_ROOT, conformanceSuite, type KnownDifference } from './kics';

/** KICS query folder → the Containment rule(s) that cover it. */
const MAPPING: Record<string, string[]> = {
  add_instead_of_copy: ['CT1004'],
  // KICS flags `ADD <url>` and advises curl/wget; CT1005 flags the same ADD (unless it has
  // --checksum) and advises --checksum or a verified download in RUN: same findings, stricter fix.
  curl_or_wget_instead_of_add: ['CT1005'],
  exposing_port_22: ['CT1012'],
  healthcheck_instruction_missing: ['CT1013'],
  image_version_not_explicit: ['CT1007'],
  image_version_using_latest: ['CT1007'],
  last_user_is_root: ['CT1002'],
  missing_user_instruction: ['CT1001'],
  run_using_sudo: ['CT1003'],
};

const NOT_ISOLATION_PINNING = 'package version pinning is reproducibility hygiene, not container isolation; no Containment rule';
const NOT_ISOLATION_SIZE = 'package cache and image size hygiene, not container isolation; no Containment rule';
const NOT_ISOLATION_PROMPT = 'non-interactive flags keep builds from hanging: build reliability, not isolation; no Containment rule';
const NOT_ISOLATION_SYNTAX = 'Dockerfile correctness and style, left to syntax linters (hadolint, Docker DX); no isolation effect';

/** KICS query folder → why Containment does not map it. */
const UNMAPPED: Record<string, string> = {
  apk_add_using_local_cache_path: NOT_ISOLATION_SIZE,
  apt_get_install_lists_were_not_deleted: NOT_ISOLATION_SIZE,
  apt_get_install_pin_version_not_defined: NOT_ISOLATION_PINNING,
  apt_get_missing_flags_to_avoid_manual_input: NOT_ISOLATION_PROMPT,
  apt_get_not_avoiding_additional_packages:
    'fewer recommended packages means a smaller image; not isolation (build tools left behind are CT1018)',
  changing_default_shell_using_run_command: NOT_ISOLATION_SYNTAX,
  chown_flag_exists:
    'KICS wants application files owned by root rather than the runtime user (COPY --chown); file ownership inside the image, not isolation, and often the documented way to run as non-root',
  copy_from_references_current_from_alias: NOT_ISOLATION_SYNTAX,
  copy_with_more_than_two_arguments_not_ending_with_slash: NOT_ISOLATION_SYNTAX,
  gem_install_without_version: NOT_ISOLATION_PINNING,
  maintainer_instruction_being_used: NOT_ISOLATION_SYNTAX,
  missing_dnf_clean_all: NOT_ISOLATION_SIZE,
  missing_flag_from_dnf_install: NOT_ISOLATION_PROMPT,
  missing_version_specification_in_dnf_install: NOT_ISOLATION_PINNING,
  missing_zypper_clean: NOT_ISOLATION_SIZE,
  missing_zypper_non_interactive_switch: NOT_ISOLATION_PROMPT,
  multiple_cmd_instructions_listed: NOT_ISOLATION_SYNTAX,
  multiple_entrypoint_instructions_listed: NOT_ISOLATION_SYNTAX,
  multiple_run_add_copy_instructions_listed: 'layer count is image size and build speed, not isolation',
  not_using_json_in_cmd_and_entrypoint_arguments: 'signal handling of the shell form (PID 1), not isolation',
  npm_install_without_pinned_version: NOT_ISOLATION_PINNING,
  pip_install_keeping_cached_packages: NOT_ISOLATION_SIZE,
  run_command_cd_instead_of_workdir: NOT_ISOLATION_SYNTAX,
  run_using_apt: 'apt versus apt-get is CLI stability for scripts, not isolation',
  run_using_wget_and_curl: 'having both curl and wget is image size, not isolation',
  run_utilities_and_posix_commands: 'interactive tools (top, ps, vim) in RUN are style, not isolation',
  same_alias_in_different_froms: NOT_ISOLATION_SYNTAX,
  shell_running_a_pipe_without_pipefail_flag:
    'pipefail makes builds fail on errors: build correctness, not isolation (piping a download into a shell is CT1006)',
  unix_ports_out_of_range: 'an invalid port number is a syntax error the builder reports; not isolation',
  unpinned_package_version_in_apk_add: NOT_ISOLATION_PINNING,
  unpinned_package_version_in_pip_install: NOT_ISOLATION_PINNING,
  update_instruction_alone: 'a lone `apt-get update` layer is a caching pitfall, not isolation',
  using_platform_with_from: NOT_ISOLATION_SYNTAX,
  using_unnamed_build_stages: NOT_ISOLATION_SYNTAX,
  workdir_path_not_absolute: NOT_ISOLATION_SYNTAX,
  yum_clean_all_missing: NOT_ISOLATION_SIZE,
  yum_install_allows_manual_input: NOT_ISOLATION_PROMPT,
  yum_install_without_version: NOT_ISOLATION_PINNING,
  zypper_install_without_version: NOT_ISOLATION_PINNING,
};

/** Cases where Containment deliberately disagrees with KICS. A difference that stops happening fails the test, so this list stays true. */
const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    query: 'add_instead_of_copy',
    file: 'positive.dockerfile',
    line: 8,
    kind: 'missed',
    reason:
      '`ADD ${JAR_FILE} app.jar` with `ARG JAR_FILE` and no default: the source is unknown (it may be a URL, CT1005, or a tar archive ADD is meant to unpack), so CT1004 does not judge variable sources by design (see the rule doc)',
  },
  {
    query: 'missing_user_instruction',
    file: 'negative.dockerfile',
    line: 9,
    kind: 'false alarm',
    reason:
      'the final stage is `FROM scratch` without USER: KICS exempts scratch, but a scratch image runs as UID 0 unless it sets USER, so CT1001 reports it by design (see the rule doc)',
  },
];

conformanceSuite<Instr[]>({
  title: 'KICS Dockerfile conformance',
  dir: join(CORPUS_ROOT, 'dockerfile'),
  analyseAs: 'Dockerfile',
  mapping: MAPPING,
  unmapped: UNMAPPED,
  known: KNOWN_DIFFERENCES,
  minFiles: 100,
  context: (_text, a) => (a.model?.kind === 'dockerfile' ? a.model.image.instructions : []),
  // A finding stands for the expected line when it is on it, spans it, or lies inside the instruction that starts there.
  covers(f, line, instructions) {
    const start = f.range.start.line + 1;
    const end = f.range.end.line + 1;
    if (start <= line && line <= end) return true;
    const instr = instructions.find((i) => i.range.start.line + 1 === line);
    return !!instr && instr.range.start.line + 1 <= start && start <= instr.range.end.line + 1;
  },
});
