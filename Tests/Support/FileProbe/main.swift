// Placeholder: the file-safety probe (issue 7) goes here.
print("cloudcred-file-probe")
