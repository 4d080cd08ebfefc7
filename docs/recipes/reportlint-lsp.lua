-- Neovim (0.10 or later): start reportlint's language server for text files.
-- Save as ~/.config/nvim/plugin/reportlint.lua.
vim.api.nvim_create_autocmd("FileType", {
  pattern = "text",
  callback = function(args)
    vim.lsp.start({
      name = "reportlint",
      cmd = { "reportlint", "server" },
      -- the workspace folder: where the configuration is, as the command line finds it
      root_dir = vim.fs.root(args.buf, { "reportlint.toml", "pyproject.toml", ".git" }) or vim.fn.getcwd(),
      init_options = { baseline = "reportlint-baseline.json" },
    })
  end,
})
