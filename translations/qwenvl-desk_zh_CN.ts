<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Cli</name>
    <message>
        <source>Send images and a question to a model; stream the answer</source>
        <translation>向模型发送图片和问题，流式输出回答</translation>
    </message>
    <message>
        <source>Find the boxes and points in a model answer</source>
        <translation>找出模型回答中的框和点</translation>
    </message>
    <message>
        <source>Draw detections onto an image</source>
        <translation>把检测结果画到图片上</translation>
    </message>
    <message>
        <source>Set, check or delete the API key in the keychain</source>
        <translation>设置、查看或删除钥匙串中的 API 密钥</translation>
    </message>
    <message>
        <source>Search, export and import saved conversations</source>
        <translation>搜索、导出和导入已保存的对话</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Command-line front end of QwenVL Desk.</source>
        <translation>QwenVL Desk 的命令行界面。</translation>
    </message>
    <message>
        <source>The command to run (see above).</source>
        <translation>要运行的命令（见上）。</translation>
    </message>
    <message>
        <source>The command &apos;%1&apos; is not available in this version yet.</source>
        <translation>此版本尚未提供命令“%1”。</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Run with --help to see the commands.</source>
        <translation>未知命令“%1”。使用 --help 查看可用命令。</translation>
    </message>
    <message>
        <source>Paste the API key and press Enter (it is not shown):</source>
        <translation>粘贴 API 密钥后按 Enter（输入不会显示）：</translation>
    </message>
    <message>
        <source>Manage the API key of an endpoint profile.</source>
        <translation>管理端点配置的 API 密钥。</translation>
    </message>
    <message>
        <source>set, status or delete</source>
        <translation>set、status 或 delete</translation>
    </message>
    <message>
        <source>The endpoint profile (default: the default profile).</source>
        <translation>端点配置（默认：默认配置）。</translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli key set|status|delete [--profile NAME]</source>
        <translation>用法：qwenvl-desk-cli key set|status|delete [--profile 名称]</translation>
    </message>
    <message>
        <source>There is no profile named &apos;%1&apos;.</source>
        <translation>没有名为“%1”的配置。</translation>
    </message>
    <message>
        <source>No key was given on standard input.</source>
        <translation>标准输入中没有提供密钥。</translation>
    </message>
    <message>
        <source>The key was not saved: %1</source>
        <translation>密钥未保存：%1</translation>
    </message>
    <message>
        <source>Saved the key of profile &apos;%1&apos; in the keychain (%2).</source>
        <translation>已将配置“%1”的密钥保存到钥匙串（%2）。</translation>
    </message>
    <message>
        <source>Deleted the key of profile &apos;%1&apos;.</source>
        <translation>已删除配置“%1”的密钥。</translation>
    </message>
    <message>
        <source>The key comes from %1 and is used for this run only.</source>
        <translation>密钥来自 %1，仅用于本次运行。</translation>
    </message>
    <message>
        <source>No API key for profile &apos;%1&apos;. Store one with: qwenvl-desk-cli key set --profile %1 (it reads the key from standard input), or set %2.</source>
        <translation>配置“%1”没有 API 密钥。请用 qwenvl-desk-cli key set --profile %1 保存一个（从标准输入读取密钥），或设置 %2。</translation>
    </message>
    <message>
        <source>--%1 needs a whole number of at least %2.</source>
        <translation>--%1 需要一个不小于 %2 的整数。</translation>
    </message>
    <message>
        <source>Ask a Qwen-VL model about images.</source>
        <translation>向 Qwen-VL 模型询问图片。</translation>
    </message>
    <message>
        <source>The question.</source>
        <translation>问题。</translation>
    </message>
    <message>
        <source>An image file or http(s) URL; repeat for several.</source>
        <translation>图片文件或 http(s) URL；可重复指定多张。</translation>
    </message>
    <message>
        <source>The model (default: the profile&apos;s, e.g. qwen3-vl-plus).</source>
        <translation>模型（默认：配置中的模型，如 qwen3-vl-plus）。</translation>
    </message>
    <message>
        <source>dashscope or openai (default: the profile&apos;s).</source>
        <translation>dashscope 或 openai（默认：配置中的协议）。</translation>
    </message>
    <message>
        <source>Base URL overriding the profile&apos;s (default: DASHSCOPE_HTTP_BASE_URL).</source>
        <translation>覆盖配置的基础 URL（默认：DASHSCOPE_HTTP_BASE_URL）。</translation>
    </message>
    <message>
        <source>A system prompt.</source>
        <translation>系统提示词。</translation>
    </message>
    <message>
        <source>Wait for the whole answer instead of streaming it.</source>
        <translation>等待完整回答，不进行流式输出。</translation>
    </message>
    <message>
        <source>Give up after this many seconds without data (default 90).</source>
        <translation>连续这么多秒没有数据时放弃（默认 90）。</translation>
    </message>
    <message>
        <source>Retries of throttled or failed requests before any output (default 3).</source>
        <translation>在有任何输出之前，对被限流或失败的请求的重试次数（默认 3）。</translation>
    </message>
    <message>
        <source>Print the model&apos;s thinking to standard error.</source>
        <translation>把模型的思考过程输出到标准错误。</translation>
    </message>
    <message>
        <source>Print one JSON object with the answer at the end.</source>
        <translation>在结束时输出一个包含回答的 JSON 对象。</translation>
    </message>
    <message>
        <source>Usage: qwenvl-desk-cli ask [options] PROMPT</source>
        <translation>用法：qwenvl-desk-cli ask [选项] 问题</translation>
    </message>
    <message>
        <source>--protocol must be dashscope or openai.</source>
        <translation>--protocol 必须是 dashscope 或 openai。</translation>
    </message>
    <message>
        <source>(interrupted)</source>
        <translation>（已中断）</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>ConnectionReport</name>
    <message>
        <source>Connected. The server accepted the API key.</source>
        <translation>已连接。服务器接受了 API 密钥。</translation>
    </message>
    <message>
        <source>Connected. The server answers without an API key.</source>
        <translation>已连接。服务器无需 API 密钥即可应答。</translation>
    </message>
    <message>
        <source>Connected, but the server rejected the API key. DashScope keys belong to one region: check that the key was created for this endpoint&apos;s region.</source>
        <translation>已连接，但服务器拒绝了 API 密钥。DashScope 密钥只属于一个地域：请确认该密钥是为此端点所在地域创建的。</translation>
    </message>
    <message>
        <source>The profile cannot be used.</source>
        <translation>此配置无法使用。</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>无法连接到服务器。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified, so the connection was refused.</source>
        <translation>无法验证服务器证书，因此已拒绝连接。</translation>
    </message>
    <message>
        <source>The proxy did not let the connection through.</source>
        <translation>代理未放行此连接。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未及时应答。</translation>
    </message>
    <message>
        <source>The server answered with an error.</source>
        <translation>服务器返回了错误。</translation>
    </message>
    <message>
        <source>Server: %1 (%2)</source>
        <extracomment>%1 is the server&apos;s own message, %2 its error code</extracomment>
        <translation>服务器：%1（%2）</translation>
    </message>
</context>
<context>
    <name>EndpointProfile</name>
    <message>
        <source>A profile name may only use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>配置名称只能包含字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>The address of profile &apos;%1&apos; is not a valid URL.</source>
        <translation>配置“%1”的地址不是有效的 URL。</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; uses http:// with the remote host %2; only https:// is allowed except for servers on this computer.</source>
        <translation>配置“%1”对远程主机 %2 使用了 http://；除本机上的服务器外，只允许 https://。</translation>
    </message>
    <message>
        <source>The address of profile &apos;%1&apos; must start with https://.</source>
        <translation>配置“%1”的地址必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>The proxy of profile &apos;%1&apos; needs a host and a port.</source>
        <translation>配置“%1”的代理需要主机和端口。</translation>
    </message>
    <message>
        <source>DashScope (China, Beijing)</source>
        <translation>DashScope（中国，北京）</translation>
    </message>
    <message>
        <source>DashScope (International, Singapore)</source>
        <translation>DashScope（国际，新加坡）</translation>
    </message>
    <message>
        <source>DashScope (US, Virginia)</source>
        <translation>DashScope（美国，弗吉尼亚）</translation>
    </message>
    <message>
        <source>Local OpenAI-compatible server</source>
        <translation>本地 OpenAI 兼容服务器</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to QwenVL Desk</source>
        <translation>欢迎使用 QwenVL Desk</translation>
    </message>
    <message>
        <source>Choose where your requests go and enter your API key. The key is kept in your system&apos;s keychain, never in a file.</source>
        <translation>请选择请求发送到的接入点，并输入 API 密钥。密钥保存在系统钥匙串中，绝不会写入文件。</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>接入点(&amp;E)：</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>接入点</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Create a key in the Alibaba Cloud Model Studio console. Keys belong to one region: a key from Beijing does not work in Singapore.</source>
        <translation>请在阿里云百炼（Model Studio）控制台创建密钥。密钥属于某一地域：北京地域的密钥不能用于新加坡。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>新建对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Conversations</source>
        <translation>对话列表(&amp;C)</translation>
    </message>
    <message>
        <source>Image &amp;Inspector</source>
        <translation>图片检查器(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;About QwenVL Desk</source>
        <translation>关于 QwenVL Desk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy Last Answer</source>
        <translation>复制最后的回答(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Search Conversations</source>
        <translation>搜索对话(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Write a Message</source>
        <translation>输入消息(&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;top Answer</source>
        <translation>停止回答(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>I&amp;dentifier:</source>
        <translation>标识(&amp;D)：</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Letters, digits, dot, underscore and dash; names the keychain entries</source>
        <translation>字母、数字、点、下划线和连字符；用于命名钥匙串条目</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>协议(&amp;P)：</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>DashScope (native API)</source>
        <translation>DashScope（原生 API）</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI 兼容</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>基础 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Default &amp;model:</source>
        <translation>默认模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <source>This endpoint needs an API &amp;key</source>
        <translation>此接入点需要 API 密钥(&amp;K)</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Remove Stored Key</source>
        <translation>删除已保存的密钥</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>System proxy</source>
        <translation>系统代理</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>代理主机</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>代理端口</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>用户名(&amp;S)：</translation>
    </message>
    <message>
        <source>Proxy user</source>
        <translation>代理用户名</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>代理密码</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Endpoints</source>
        <translation>接入点(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Default endpoint:</source>
        <translation>默认接入点(&amp;D)：</translation>
    </message>
    <message>
        <source>Default endpoint</source>
        <translation>默认接入点</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Chat with Qwen-VL models about your images.</source>
        <translation>与 Qwen-VL 模型就你的图片对话。</translation>
    </message>
    <message>
        <source>Images to attach to the chat.</source>
        <translation>要添加到对话中的图片。</translation>
    </message>
</context>
<context>
    <name>qvd::ApiError</name>
    <message>
        <source>Could not reach the model server.</source>
        <translation>无法连接到模型服务器。</translation>
    </message>
    <message>
        <source>The model server stopped sending data and the request timed out.</source>
        <translation>模型服务器停止发送数据，请求已超时。</translation>
    </message>
    <message>
        <source>The secure connection to the model server failed.</source>
        <translation>与模型服务器的安全连接失败。</translation>
    </message>
    <message>
        <source>The model server sent a reply this app cannot read.</source>
        <translation>模型服务器返回了本应用无法解析的回复。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>The API key was rejected. Check the key, and that it belongs to the region of the endpoint: keys from the Beijing region do not work on the international endpoint, and the other way round.</source>
        <translation>API 密钥被拒绝。请检查密钥，并确认它属于该接入点所在的地域：北京地域的密钥不能用于国际站接入点，反之亦然。</translation>
    </message>
    <message>
        <source>The account is in arrears. Top up or settle the bill in the Alibaba Cloud console, then try again.</source>
        <translation>账户已欠费。请在阿里云控制台充值或结清账单后重试。</translation>
    </message>
    <message>
        <source>The content safety check rejected the input or the answer.</source>
        <translation>输入或回答未通过内容安全检查。</translation>
    </message>
    <message>
        <source>Too many requests or the quota is used up. Wait a little and try again.</source>
        <translation>请求过于频繁或额度已用完。请稍候再试。</translation>
    </message>
    <message>
        <source>The model is not available on this endpoint.</source>
        <translation>此接入点不提供该模型。</translation>
    </message>
    <message>
        <source>Access was denied. The account or workspace may not have this model.</source>
        <translation>访问被拒绝。该账户或业务空间可能没有此模型的权限。</translation>
    </message>
    <message>
        <source>The server did not accept the request.</source>
        <translation>服务器未接受该请求。</translation>
    </message>
    <message>
        <source>The model server had a problem. Try again later.</source>
        <translation>模型服务器出现问题。请稍后重试。</translation>
    </message>
    <message>
        <source>The model server returned an error.</source>
        <translation>模型服务器返回了错误。</translation>
    </message>
    <message>
        <source>Server (HTTP %1, %2): %3</source>
        <translation>服务器（HTTP %1，%2）：%3</translation>
    </message>
    <message>
        <source>Server (%1): %2</source>
        <translation>服务器（%1）：%2</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
</context>
<context>
    <name>qvd::ApiKeyField</name>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation>隐藏密钥</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Send one small request that costs no tokens and show the answer</source>
        <translation>发送一个不消耗 token 的小请求，并显示服务器的回答</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
</context>
<context>
    <name>qvd::ApiKeyVault</name>
    <message>
        <source>The key is kept in memory for this session only: %1</source>
        <translation>密钥仅在本次会话的内存中保存：%1</translation>
    </message>
</context>
<context>
    <name>qvd::ChatPane</name>
    <message>
        <source>Drop or paste images here, then ask about them in any language.</source>
        <translation>把图片拖放或粘贴到这里，然后用任何语言提问。</translation>
    </message>
    <message>
        <source>Ask about your images…</source>
        <translation>询问你的图片…</translation>
    </message>
    <message>
        <source>Add Images…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter 发送，Shift+Enter 换行</translation>
    </message>
</context>
<context>
    <name>qvd::ChatTurn</name>
    <message numerus="yes">
        <source>No data for %n second(s).</source>
        <translation>
            <numerusform>%n 秒内未收到数据。</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection closed before the answer was complete.</source>
        <translation>回答尚未完成，连接就已关闭。</translation>
    </message>
</context>
<context>
    <name>qvd::ConversationListPane</name>
    <message>
        <source>New Conversation</source>
        <translation>新建对话</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>还没有对话。</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
</context>
<context>
    <name>qvd::FirstRunDialog</name>
    <message>
        <source>sk-…</source>
        <translation>sk-…</translation>
    </message>
    <message>
        <source>This server needs no key</source>
        <translation>此服务器不需要密钥</translation>
    </message>
    <message>
        <source>Save Key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <source>Skip for Now</source>
        <translation>暂时跳过</translation>
    </message>
    <message>
        <source>You can enter the key later in Settings</source>
        <translation>稍后可以在“设置”中输入密钥</translation>
    </message>
</context>
<context>
    <name>qvd::ImageError</name>
    <message>
        <source>Cannot read “%1”.</source>
        <translation>无法读取“%1”。</translation>
    </message>
    <message>
        <source>“%1” is not an image in a supported format (JPEG, PNG, WebP, BMP, GIF or TIFF).</source>
        <translation>“%1”不是受支持格式（JPEG、PNG、WebP、BMP、GIF 或 TIFF）的图片。</translation>
    </message>
    <message>
        <source>“%1” looks like an image but is damaged and cannot be decoded.</source>
        <translation>“%1”看起来是图片，但已损坏，无法解码。</translation>
    </message>
    <message>
        <source>“%1” is too large to open safely: %2×%3 pixels.</source>
        <translation>“%1”太大，无法安全打开：%2×%3 像素。</translation>
    </message>
    <message>
        <source>“%1” is too large to open: %2 MB.</source>
        <translation>“%1”太大，无法打开：%2 MB。</translation>
    </message>
    <message>
        <source>“%1” is too long and thin for the model: %2×%3 pixels (at most 200:1).</source>
        <translation>“%1”的长宽比过大，模型无法处理：%2×%3 像素（最多 200:1）。</translation>
    </message>
    <message>
        <source>“%1” cannot be made small enough to send (limit %2 MB).</source>
        <translation>“%1”无法压缩到可发送的大小（上限 %2 MB）。</translation>
    </message>
</context>
<context>
    <name>qvd::InspectorPane</name>
    <message>
        <source>No image selected.
Boxes and points the model names appear here.</source>
        <translation>未选择图片。
模型指出的框和点会显示在这里。</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Detection kind column: box, point or quad</extracomment>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>qvd::MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>About QwenVL Desk</source>
        <translation>关于 QwenVL Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QwenVL Desk %1&lt;/h3&gt;&lt;p&gt;A desktop client for the Qwen-VL vision-language models.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QwenVL Desk %1&lt;/h3&gt;&lt;p&gt;Qwen-VL 视觉语言模型的桌面客户端。&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Cannot open %n file(s): %1</source>
        <translation>
            <numerusform>无法打开 %n 个文件：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qvd::MemorySecretStore</name>
    <message>
        <source>memory (this session only)</source>
        <translation>内存（仅限本次会话）</translation>
    </message>
</context>
<context>
    <name>qvd::ModelListReader</name>
    <message>
        <source>The model list “%1” is not valid JSON: %2 at byte %3.</source>
        <translation>模型列表“%1”不是有效的 JSON：第 %3 字节处%2。</translation>
    </message>
    <message>
        <source>The model list “%1” must be a JSON object.</source>
        <translation>模型列表“%1”必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>The model list “%1” has an entry without “%2” (number %3); it is ignored.</source>
        <translation>模型列表“%1”中第 %3 项缺少“%2”，已忽略。</translation>
    </message>
    <message>
        <source>The model list “%1”: “%2” is not a valid regular expression (%3); it is ignored.</source>
        <translation>模型列表“%1”：“%2”不是有效的正则表达式（%3），已忽略。</translation>
    </message>
    <message>
        <source>The model list “%1”: “%2” has an unknown family “%3”; it is ignored.</source>
        <translation>模型列表“%1”：“%2”的模型系列“%3”未知，已忽略。</translation>
    </message>
    <message>
        <source>The model list “%1”: “%2” has an invalid space, factor or pixel budget; it is ignored.</source>
        <translation>模型列表“%1”：“%2”的坐标空间、因子或像素预算无效，已忽略。</translation>
    </message>
</context>
<context>
    <name>qvd::ModelRegistry</name>
    <message>
        <source>Cannot read the model list “%1”: %2</source>
        <translation>无法读取模型列表“%1”：%2</translation>
    </message>
</context>
<context>
    <name>qvd::ProfileEditor</name>
    <message>
        <source>The stored key will be removed when you press OK.</source>
        <translation>按“确定”后将删除已保存的密钥。</translation>
    </message>
    <message>
        <source>No key stored.</source>
        <translation>尚未保存密钥。</translation>
    </message>
    <message>
        <source>A key is stored in %1.</source>
        <translation>密钥已保存在 %1 中。</translation>
    </message>
    <message>
        <source>A key is kept for this session only.</source>
        <translation>密钥仅在本次会话中保留。</translation>
    </message>
    <message>
        <source>The key comes from the DASHSCOPE_API_KEY environment variable.</source>
        <translation>密钥来自环境变量 DASHSCOPE_API_KEY。</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key</source>
        <translation>留空则保留已保存的密钥</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation>留空则保留已保存的密码</translation>
    </message>
</context>
<context>
    <name>qvd::ProfileStatus</name>
    <message>
        <source>checking the key…</source>
        <translation>正在检查密钥…</translation>
    </message>
    <message>
        <source>key from DASHSCOPE_API_KEY</source>
        <translation>密钥来自 DASHSCOPE_API_KEY</translation>
    </message>
    <message>
        <source>key in %1</source>
        <extracomment>%1 is the keychain, e.g. &quot;Secret Service&quot;</extracomment>
        <translation>密钥在 %1 中</translation>
    </message>
    <message>
        <source>key for this session only</source>
        <translation>密钥仅限本次会话</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>无密钥</translation>
    </message>
    <message>
        <source>no key needed</source>
        <translation>无需密钥</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <extracomment>Status bar: endpoint · model · where the API key is</extracomment>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>qvd::ProfilesPage</name>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <source>New endpoint</source>
        <translation>新接入点</translation>
    </message>
    <message>
        <source>Another profile already uses the identifier &apos;%1&apos;.</source>
        <translation>另一个配置已使用标识“%1”。</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add a DashScope or OpenAI-compatible endpoint</source>
        <translation>添加 DashScope 或 OpenAI 兼容的接入点</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Endpoint profiles</source>
        <translation>接入点配置</translation>
    </message>
</context>
<context>
    <name>qvd::SecretStore</name>
    <message>
        <source>No key is stored yet.</source>
        <translation>尚未保存密钥。</translation>
    </message>
    <message>
        <source>The system keychain is not available.</source>
        <translation>系统钥匙串不可用。</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied.</source>
        <translation>访问系统钥匙串被拒绝。</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time.</source>
        <translation>系统钥匙串未及时响应。</translation>
    </message>
    <message>
        <source>The system keychain reported an error.</source>
        <translation>系统钥匙串报告了错误。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 is a sentence of ours, %2 the keychain&apos;s own explanation</extracomment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>qvd::SettingsDialog</name>
    <message>
        <source>Same as the system</source>
        <extracomment>Language choice: follow the operating system&apos;s language</extracomment>
        <translation>跟随系统</translation>
    </message>
</context>
</TS>
