" Vim compiler plugin for reportlint: save as ~/.vim/compiler/reportlint.vim
" (Neovim: ~/.config/nvim/compiler/reportlint.vim), then in a report:
"   :compiler reportlint
"   :make            lint the current file; :copen lists the findings
if exists("current_compiler")
  finish
endif
let current_compiler = "reportlint"
CompilerSet makeprg=reportlint\ %:S
CompilerSet errorformat=%f:%l:%c:\ %m
