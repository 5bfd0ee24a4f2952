;; Run by scripts/try-editors.sh inside Emacs: opens the file, waits for copydesk's diagnostics
;; through eglot and flymake, and prints the mode, whether eglot manages the buffer, and them.
(require 'markdown-mode nil t)
(find-file (car command-line-args-left))
(setq command-line-args-left nil)
;; eglot-ensure starts the server after the command that opened the buffer: end that command.
(run-hooks 'post-command-hook)
(let ((deadline (+ (float-time) (string-to-number (or (getenv "COPYDESK_WAIT_S") "20")))))
  (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
    (accept-process-output nil 0.2)
    (when (and (fboundp 'eglot-managed-p) (eglot-managed-p)) (flymake-start))))
(princ (format "mode: %s managed: %s\n" major-mode (and (fboundp 'eglot-managed-p) (eglot-managed-p) t)))
(dolist (d (flymake-diagnostics))
  (princ (format "%s %s\n" (flymake-diagnostic-beg d) (flymake-diagnostic-text d))))
(kill-emacs 0)
