-- Run by scripts/try-editors.sh inside Neovim: waits for copydesk's diagnostics, prints them,
-- applies the fix-all code action as a user would, prints the first line after it.
local wait = tonumber(os.getenv('COPYDESK_WAIT') or '20000')
vim.wait(wait, function() return #vim.diagnostic.get(0) > 0 end, 100)
io.stdout:write('clients: ' .. #vim.lsp.buf_get_clients(0) .. '\n')
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(string.format('%d:%d %s\n', d.lnum + 1, d.col + 1, d.code or ''))
end
if #vim.lsp.buf_get_clients(0) > 0 then
  local params = vim.lsp.util.make_range_params()
  params.context = { only = { 'source.fixAll.copydesk' }, diagnostics = {} }
  for _, res in pairs(vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}) do
    for _, action in ipairs(res.result or {}) do
      if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16') end
    end
  end
  io.stdout:write('fixed: ' .. vim.api.nvim_buf_get_lines(0, 0, 1, false)[1] .. '\n')
end
vim.cmd('qa!')
