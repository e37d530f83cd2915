print("cloudcred")
