"""Staff exports as CSV and XLSX, streamed row by row, and the log of who exported what."""
