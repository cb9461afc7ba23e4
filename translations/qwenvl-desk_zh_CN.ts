<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
</context>
<context>
    <name>main</name>
    <message>
        <source>Chat with Qwen-VL models about your images.</source>
        <translation>与 Qwen-VL 模型就你的图片对话。</translation>
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
</context>
<context>
    <name>qvd::MemorySecretStore</name>
    <message>
        <source>memory (this session only)</source>
        <translation>内存（仅限本次会话）</translation>
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
</TS>
